import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, PlatformOptions } from '@palabre/platform';
import { EventsModule } from '@palabre/events';
import { IdentityModule } from '@palabre/identity';
import { NotificationsModule } from '@palabre/notifications';
import { ProgramModule } from '@palabre/program';
import { SpeakersModule } from '@palabre/speakers';
import { DemoModule } from '@palabre/demo';
import { PartnersModule } from '@palabre/partners';

/** The contexts the command line works with; no HTTP. */
@Module({})
export class CliModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: CliModule,
      imports: [PlatformModule.forRoot(options), IdentityModule, EventsModule, SpeakersModule, ProgramModule, NotificationsModule, PartnersModule, DemoModule],
    };
  }
}
