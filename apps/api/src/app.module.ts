import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, PlatformOptions } from '@palabre/platform';
import { EventsModule } from '@palabre/events';
import { IdentityModule } from '@palabre/identity';
import { NotificationsModule } from '@palabre/notifications';
import { DemoModule } from '@palabre/demo';
import { EventsApiController } from './events/events-api.controller';
import { HealthController } from './health/health.controller';
import { HomePageController } from './home/home-page.controller';
import { AssetsController } from './home/assets.controller';
import { MailApiController } from './notifications/mail-api.controller';
import { MailLogPageController } from './notifications/mail-log-page.controller';

/** The api process: HTTP edges over the context libs. */
@Module({})
export class AppModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(options), IdentityModule, EventsModule, NotificationsModule, DemoModule],
      controllers: [HealthController, AssetsController, HomePageController, EventsApiController, MailApiController, MailLogPageController],
    };
  }
}
