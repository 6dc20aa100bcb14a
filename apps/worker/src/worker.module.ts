import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, PlatformOptions } from '@palabre/platform';
import { EventsModule } from '@palabre/events';
import { IdentityModule } from '@palabre/identity';
import { NotificationsModule } from '@palabre/notifications';
import { RegistrationModule } from '@palabre/registration';

/** The worker process: the contexts' background jobs, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return { module: WorkerModule, imports: [PlatformModule.forRoot(options), IdentityModule, EventsModule, NotificationsModule, RegistrationModule] };
  }
}
