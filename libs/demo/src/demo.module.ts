import { Module } from '@nestjs/common';
import { EventsModule } from '@palabre/events';
import { IdentityModule } from '@palabre/identity';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [IdentityModule, EventsModule],
  providers: [DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule {}
