import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainEvents, JobRunner } from '@palabre/platform';
import { EventSeats, EventsModule, EventsService, EventView } from '@palabre/events';
import { IdentityModule } from '@palabre/identity';
import { NotificationsModule } from '@palabre/notifications';
import { ProgramChangeRecipient, ProgramChangeRecipients, ProgramModule } from '@palabre/program';
import { CheckIn, CheckInScan } from './checkins/check-in.entity';
import { CheckInDesk } from './checkins/check-in-desk';
import { CheckInsService } from './checkins/check-ins.service';
import { NoShowRelease } from './checkins/no-show-release.entity';
import { NoShowReleaseJob } from './checkins/no-show-release.job';
import { AnonymizeAfterEvents } from './back-office/anonymize-after-events.job';
import { IdempotencyKey } from './idempotency/idempotency-key.entity';
import { IdempotencyKeys } from './idempotency/idempotency-keys';
import { IdempotencyPurge } from './idempotency/idempotency-purge.job';
import { ExpireHolds } from './registrations/expire-holds.job';
import { ParticipantRegistrations } from './registrations/participant-registrations.service';
import { RegisterParticipant } from './registrations/register.usecase';
import { RegistrationHistoryEntry } from './registrations/registration-history.entity';
import { RegistrationMail } from './registrations/registration-mail';
import { RegistrationToken } from './registrations/registration-token.entity';
import { Registration } from './registrations/registration.entity';
import { RegistrationsRepository } from './registrations/registrations.repository';
import { SeatLedger } from './seats/seat-ledger';
import { SeatPool } from './seats/seat-pool.entity';
import { SeatPools } from './seats/seat-pools';
import { SessionSignup } from './workshops/session-signup.entity';
import { SignupsRepository } from './workshops/signups.repository';
import { Workshops } from './workshops/workshops';
import { AttendanceRecords } from './figures/attendance-records';
import { RegistrationFigures } from './figures/registration-figures';
import { isLocale } from '@palabre/platform';
import { OrganizerRegistrations } from './back-office/organizer-registrations.service';
import { RegistrationSms } from './sms/registration-sms';
import { SmsCode } from './sms/sms-code.entity';
import { SmsCodesRepository } from './sms/sms-codes.repository';
import { VerifySmsCode } from './sms/verify-sms-code.usecase';
import { SmsReminders } from './sms/sms-reminders.job';
import { RegistrationsSearchRepository } from './back-office/registrations-search.repository';

/**
 * Registration: participants, seats, waiting lists, workshops. It plugs into events (the seat
 * count, capacity changes) and program (participants told of program changes, workshop seats
 * after a release) through their ports; neither of them imports this lib.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Registration,
      RegistrationToken,
      RegistrationHistoryEntry,
      SeatPool,
      SessionSignup,
      IdempotencyKey,
      CheckIn,
      CheckInScan,
      NoShowRelease,
      SmsCode,
    ]),
    EventsModule,
    IdentityModule,
    NotificationsModule,
    ProgramModule,
  ],
  providers: [
    RegistrationsRepository,
    SignupsRepository,
    SeatPools,
    SeatLedger,
    RegistrationMail,
    RegistrationSms,
    SmsCodesRepository,
    VerifySmsCode,
    SmsReminders,
    Workshops,
    IdempotencyKeys,
    IdempotencyPurge,
    RegisterParticipant,
    ParticipantRegistrations,
    ExpireHolds,
    CheckInDesk,
    CheckInsService,
    RegistrationsSearchRepository,
    OrganizerRegistrations,
    RegistrationFigures,
    AttendanceRecords,
    NoShowReleaseJob,
    AnonymizeAfterEvents,
  ],
  exports: [
    RegisterParticipant,
    VerifySmsCode,
    ParticipantRegistrations,
    RegistrationsRepository,
    Workshops,
    CheckInsService,
    OrganizerRegistrations,
    RegistrationFigures,
    AttendanceRecords,
    NoShowReleaseJob,
  ],
})
export class RegistrationModule implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seats: EventSeats,
    private readonly ledger: SeatLedger,
    private readonly signups: SignupsRepository,
    private readonly workshops: Workshops,
    private readonly events: EventsService,
    private readonly recipients: ProgramChangeRecipients,
    private readonly domainEvents: DomainEvents,
    private readonly runner: JobRunner,
    private readonly expireHolds: ExpireHolds,
    private readonly idempotencyPurge: IdempotencyPurge,
    private readonly noShows: NoShowReleaseJob,
    private readonly anonymizeAfterEvents: AnonymizeAfterEvents,
    private readonly smsReminders: SmsReminders,
  ) {}

  onModuleInit(): void {
    this.seats.use({
      seatsTaken: (eventId) => this.ledger.seatsTaken(eventId, this.dataSource.manager),
      capacityChanged: async (manager: EntityManager, event: EventView) => void (await this.ledger.fillEvent(manager, event)),
    });
    this.recipients.register({
      recipientsFor: async (manager, eventId, sessionIds): Promise<ProgramChangeRecipient[]> =>
        (await this.signups.signedUpTo(manager, eventId, sessionIds)).map((r) => ({
          // Email when there is one; a participant with a phone only is told by SMS.
          email: r.email ?? '',
          phone: r.email ? undefined : (r.phone ?? undefined),
          name: `${r.first_name} ${r.last_name}`.trim(),
          locale: isLocale(r.locale) ? r.locale : 'fr',
          sessionIds: r.session_ids,
        })),
    });
    // A release may raise a workshop's capacity: its waiting list gets the new seats.
    this.domainEvents.on('program.released', async ({ eventId }) => {
      const workshops = await this.workshops.workshops(eventId);
      if (workshops.size === 0) return;
      const event = await this.events.getById(eventId);
      await this.dataSource.transaction(async (manager) => {
        for (const w of [...workshops.values()].sort((a, b) => a.id.localeCompare(b.id))) await this.ledger.fillWorkshop(manager, event, w, workshops);
      });
    });
    this.runner.register(this.expireHolds);
    this.runner.register(this.idempotencyPurge);
    this.runner.register(this.noShows);
    this.runner.register(this.anonymizeAfterEvents);
    this.runner.register(this.smsReminders);
  }
}
