import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PlatformModule, PlatformOptions } from '@palabre/platform';
import { EventsModule } from '@palabre/events';
import { IdentityModule } from '@palabre/identity';
import { NotificationsModule } from '@palabre/notifications';
import { ProgramModule } from '@palabre/program';
import { SpeakersModule } from '@palabre/speakers';
import { RegistrationModule } from '@palabre/registration';
import { ReportingModule } from '@palabre/reporting';
import { DemoModule } from '@palabre/demo';
import { PartnersModule } from '@palabre/partners';
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
import { OrganizerRegistrationsController, RegistrationsExportController } from './registration/organizer-registrations.controller';
import { OrganizerRegistrationsPagesController } from './registration/organizer-registrations-pages.controller';
import { StatsApiController } from './reporting/stats-api.controller';
import { StatsPagesController } from './reporting/stats-pages.controller';
import { CertificatePagesController } from './reporting/certificate-pages.controller';
import { RegistrationPagesController } from './registration/registration-pages.controller';
import { RegistrationPagesService } from './registration/registration-pages.service';
import { DeskPagesController } from './registration/desk-pages.controller';
import { MailApiController } from './notifications/mail-api.controller';
import { MailLogPageController, SmsLogPageController } from './notifications/mail-log-page.controller';
import { SmsApiController, SmsDeliveryReportsController } from './notifications/sms-api.controller';
import { SpeakerInvitationsController } from './speakers/speaker-invitations.controller';
import { EventPagesController } from './program-admin/event-pages.controller';
import { RoomsPagesController, TracksPagesController } from './program-admin/rooms-pages.controller';
import { SpeakersPagesController } from './program-admin/speakers-pages.controller';
import { ProgramPagesController } from './program-admin/program-pages.controller';
import { MySessionsController } from './speakers/my-sessions.controller';
import { SpeakerImportsController } from './speakers/speaker-imports.controller';
import { SpeakerSessionsPageController } from './speaker-portal/speaker-sessions-page.controller';
import { SpeakerImportPagesController } from './program-admin/speaker-import-pages.controller';
import { MeSpeakerProfileController } from './portal/me-speaker-profile.controller';
import { MediaController } from './portal/media.controller';
import { PortalPagesController } from './portal/portal-pages.controller';
import { PartnersApiController } from './partners/partners-api.controller';
import { PartnershipApiController } from './partners/partnership-api.controller';
import { ImpactApiController } from './partners/impact-api.controller';
import { PublicPartnersPagesController } from './partners/public-partners-pages.controller';
import { PartnerAreaPagesController } from './partners/partner-area-pages.controller';
import { LeadPartnersPagesController } from './partners/lead-partners-pages.controller';
import { OwnSessions } from './partners/own-sessions';
import { SpeakerSpaceInterceptor } from './portal/speaker-space.interceptor';

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
        ReportingModule,
        NotificationsModule,
        PartnersModule,
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
        SmsApiController,
        SmsDeliveryReportsController,
        SmsLogPageController,
        SpeakerInvitationsController,
        EventPagesController,
        RoomsPagesController,
        TracksPagesController,
        SpeakersPagesController,
        ProgramPagesController,
        RegistrationsApiController,
        CheckInsController,
        OrganizerRegistrationsController,
        RegistrationsExportController,
        OrganizerRegistrationsPagesController,
        MySessionsController,
        SpeakerImportsController,
        SpeakerSessionsPageController,
        SpeakerImportPagesController,
        StatsApiController,
        StatsPagesController,
        CertificatePagesController,
        RegistrationPagesController,
        MeSpeakerProfileController,
        MediaController,
        PortalPagesController,
        PartnersApiController,
        PartnershipApiController,
        ImpactApiController,
        PublicPartnersPagesController,
        PartnerAreaPagesController,
        LeadPartnersPagesController,
        DeskPagesController,
      ],
      providers: [
        PublicPagesService,
        PublicCacheInvalidation,
        OwnSessions,
        RegistrationPagesService,
        { provide: APP_INTERCEPTOR, useClass: SpeakerSpaceInterceptor },
      ],
    };
  }
}
