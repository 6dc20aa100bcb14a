import { Module } from '@nestjs/common';
import { EventsModule } from '@palabre/events';
import { IdentityModule } from '@palabre/identity';
import { ProgramModule } from '@palabre/program';
import { SpeakersModule } from '@palabre/speakers';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [IdentityModule, EventsModule, SpeakersModule, ProgramModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
