import { Module } from '@nestjs/common';
import { EventsModule } from '@palabre/events';
import { IdentityModule } from '@palabre/identity';
import { ProgramModule } from '@palabre/program';
import { SpeakersModule } from '@palabre/speakers';
import { PartnersModule } from '@palabre/partners';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [IdentityModule, EventsModule, SpeakersModule, ProgramModule, PartnersModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
