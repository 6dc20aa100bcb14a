import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, PlatformOptions } from '@palabre/platform';
import { EventsModule } from '@palabre/events';
import { IdentityModule } from '@palabre/identity';
import { NotificationsModule } from '@palabre/notifications';
import { ProgramModule } from '@palabre/program';
import { SpeakersModule } from '@palabre/speakers';
import { RegistrationModule } from '@palabre/registration';
import { DemoModule } from '@palabre/demo';
import { EventsApiController } from './events/events-api.controller';
import { HealthController } from './health/health.controller';
import { AuthApiController } from './identity/auth-api.controller';
import { HomePageController } from './home/home-page.controller';
import { AssetsController } from './home/assets.controller';
import { MembersApiController } from './identity/members-api.controller';
import { SignInPageController } from './admin/sign-in-page.controller';
import { OrganizationPagesController } from './admin/organization-pages.controller';
import { MembersPageController } from './admin/members-page.controller';
import { AuditPageController } from './admin/audit-page.controller';
import { AccountPageController } from './admin/account-page.controller';
import { OrganizerEventsController } from './events/organizer-events.controller';
import { RoomsController } from './events/rooms.controller';
import { SpeakersController } from './speakers/speakers.controller';
import { ProgramSessionsController } from './program/program-sessions.controller';
import { PublicProgramController } from './program/public-program.controller';
import { PublicPagesController } from './program/public-pages.controller';
import { PublicPagesService } from './program/public-pages.service';
import { PublicCacheInvalidation } from './common/public-cache';
import { RegistrationsApiController } from './registration/registrations-api.controller';
import { CheckInsController } from './registration/check-ins.controller';
import { DeskPagesController } from './registration/desk-pages.controller';
import { MailApiController } from './notifications/mail-api.controller';
import { MailLogPageController } from './notifications/mail-log-page.controller';
import { SpeakerInvitationsController } from './speakers/speaker-invitations.controller';
import { EventPagesController } from './program-admin/event-pages.controller';
import { RoomsPagesController } from './program-admin/rooms-pages.controller';
import { SpeakersPagesController } from './program-admin/speakers-pages.controller';
import { ProgramPagesController } from './program-admin/program-pages.controller';

/** The api process: HTTP edges over the context libs. */
@Module({})
export class AppModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(options),
        IdentityModule,
        EventsModule,
        SpeakersModule,
        ProgramModule,
        RegistrationModule,
        NotificationsModule,
        DemoModule,
      ],
      controllers: [
        HealthController,
        AssetsController,
        HomePageController,
        EventsApiController,
        AuthApiController,
        MembersApiController,
        SignInPageController,
        OrganizationPagesController,
        MembersPageController,
        AuditPageController,
        AccountPageController,
        OrganizerEventsController,
        RoomsController,
        SpeakersController,
        ProgramSessionsController,
        PublicProgramController,
        PublicPagesController,
        MailApiController,
        MailLogPageController,
        SpeakerInvitationsController,
        EventPagesController,
        RoomsPagesController,
        SpeakersPagesController,
        ProgramPagesController,
        RegistrationsApiController,
        CheckInsController,
        DeskPagesController,
      ],
      providers: [PublicPagesService, PublicCacheInvalidation],
    };
  }
}
