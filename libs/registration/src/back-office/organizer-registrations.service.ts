import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditLog, Clock, Locale, Page, PlatformError, pick } from '@palabre/platform';
import type { EventView } from '@palabre/events';
import { RegistrationError } from '../registration.errors';
import { SeatLedger } from '../seats/seat-ledger';
import { Workshops } from '../workshops/workshops';
import { ParticipantRegistrations, RegistrationView } from '../registrations/participant-registrations.service';
import { RegisterParticipant } from '../registrations/register.usecase';
import { AddRegistrationDto } from '../registrations/registration.dto';
import { Registration, REGISTRATION_STATUSES, RegistrationStatus } from '../registrations/registration.entity';
import { RegistrationMail, RegistrationStep } from '../registrations/registration-mail';
import { RegistrationSms } from '../sms/registration-sms';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import { CSV_BOM, csvHeader, csvRow } from './registrations-csv';
import { RegistrationsFilterDto } from './registrations-filter.dto';
import { RegistrationFilter, RegistrationRow, RegistrationsSearchRepository } from './registrations-search.repository';

/** A row of the list, with the workshops it holds or waits for. */
export interface RegistrationListItem extends RegistrationRow {
  sessions: { sessionId: string; status: string }[];
}

/** One line of a registration's history; the actor is `participant`, `system`, or an organizer (by user id). */
export interface RegistrationHistoryView {
  at: Date;
  action: string;
  actor: 'participant' | 'system' | 'organizer';
  actorUserId: string | null;
  details: Record<string, unknown>;
}

export interface RegistrationDetail {
  registration: RegistrationView;
  history: RegistrationHistoryView[];
}

/** The dashboard's figures for one event. */
export interface RegistrationSummary {
  byStatus: Record<RegistrationStatus, number>;
  total: number;
  seats: { taken: number; capacity: number | null };
  waitlist: number;
  workshops: { id: string; title: EventView['title']; startsAt: string; capacity: number | null; signedUp: number; waiting: number }[];
  perDay: { date: string; count: number }[];
}

/** Who acts in the back-office: an organizer, by user id. */
export interface OrganizerActor {
  userId: string;
}

/** The message a registration's current status sends again (« renvoyer le lien »). */
const RESEND_STEP: Record<RegistrationStatus, RegistrationStep> = {
  pending: 'check-email',
  confirmed: 'confirmed',
  waitlisted: 'waitlisted',
  cancelled: 'cancelled',
  expired: 'hold-expired',
};

const EXPORT_BATCH = 500;
const ERASE_BATCH = 200;

/**
 * What organizers do with an event's registrations (the event already checked against the
 * caller's organization and permission): search and page through them, export them, read one
 * with its history, add someone at the desk, cancel or resend on a participant's behalf, count
 * them for the dashboard and, once the event is over, anonymize them all (rule 10).
 */
@Injectable()
export class OrganizerRegistrations {
  constructor(
    private readonly dataSource: DataSource,
    private readonly search: RegistrationsSearchRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly participants: ParticipantRegistrations,
    private readonly register: RegisterParticipant,
    private readonly mail: RegistrationMail,
    private readonly sms: RegistrationSms,
    private readonly ledger: SeatLedger,
    private readonly workshops: Workshops,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The query as filters: VALIDATION_FAILED for an answer without its question, an unknown question, or an answer its kind cannot hold. */
  filter(event: EventView, dto: RegistrationsFilterDto): RegistrationFilter {
    const filter: RegistrationFilter = {
      status: dto.status,
      q: dto.q,
      sessionId: dto.sessionId,
      organizationType: dto.organizationType,
      region: dto.region,
    };
    if (dto.question === undefined && dto.answer === undefined) return filter;
    const question = event.questions.find((q) => q.id === dto.question);
    if (!question) throw invalid('question', 'Question inconnue pour cet événement.', 'No such question for this event.');
    if (dto.answer === undefined) throw invalid('answer', 'Donnez la réponse cherchée.', 'Give the answer to look for.');
    if (question.kind === 'boolean' && !['true', 'false'].includes(dto.answer))
      throw invalid('answer', 'Réponse attendue : true ou false.', 'Expected: true or false.');
    if (question.kind === 'number' && !/^-?\d{1,12}(\.\d{1,6})?$/.test(dto.answer)) throw invalid('answer', 'Un nombre est attendu.', 'A number is expected.');
    return { ...filter, answer: { questionId: question.id, kind: question.kind, value: dto.answer } };
  }

  async list(event: EventView, dto: RegistrationsFilterDto): Promise<Page<RegistrationListItem>> {
    const page = dto.page ?? 1;
    const pageSize = dto.pageSize ?? 50;
    const { rows, total } = await this.search.page(event.organizationId, event.id, this.filter(event, dto), page, pageSize);
    const sessions = await this.search.sessionsOf(rows.map((r) => r.id));
    return { items: rows.map((r) => ({ ...r, sessions: sessions.get(r.id) ?? [] })), total, page, pageSize };
  }

  /**
   * The CSV export, read in batches as it is sent so thousands of rows never sit in memory
   * at once. The filters are checked now, before the first byte (a refusal is still a problem).
   */
  exportCsv(event: EventView, dto: RegistrationsFilterDto, locale: Locale): AsyncIterable<string> {
    const filter = this.filter(event, dto);
    const { search, workshops } = this;
    return (async function* () {
      const titles = new Map([...(await workshops.workshops(event.id)).values()].map((w) => [w.id, pick(w.title, locale)]));
      yield CSV_BOM + csvHeader(event, locale);
      let after: { createdAt: Date; id: string } | null = null;
      for (;;) {
        const rows = await search.batch(event.organizationId, event.id, filter, after, EXPORT_BATCH);
        const sessions = await search.sessionsOf(rows.map((r) => r.id));
        yield rows
          .map((r) =>
            csvRow(
              event,
              r,
              (sessions.get(r.id) ?? []).map((s) => titles.get(s.sessionId) ?? s.sessionId),
              locale,
            ),
          )
          .join('');
        if (rows.length < EXPORT_BATCH) return;
        after = { createdAt: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id };
      }
    })();
  }

  async detail(event: EventView, reference: string): Promise<RegistrationDetail> {
    return this.detailOf(event, await this.found(event, reference));
  }

  /** The desk adds someone by hand (email optional, any time): confirmed at once while a seat is left, else waitlisted. */
  async add(event: EventView, dto: AddRegistrationDto, actor: OrganizerActor): Promise<RegistrationDetail> {
    return this.detailOf(event, await this.register.byOrganizer(event, dto, actor.userId));
  }

  /** Cancels on the participant's behalf: the seat goes to the waiting list, the participant is told by email. */
  async cancel(event: EventView, reference: string, actor: OrganizerActor): Promise<RegistrationDetail> {
    const r = await this.found(event, reference);
    const view = await this.participants.cancelById(r.id, actor);
    return { registration: view, history: await this.history(event, r.id) };
  }

  /**
   * Emails the participant their link again, with the message of their current status (at most
   * once an hour: `queued` false when this hour's went already). REGISTRATION_WITHOUT_EMAIL when
   * there is no address to write to.
   */
  resend(event: EventView, reference: string, actor: OrganizerActor): Promise<{ queued: boolean }> {
    return this.resendBy('email', event, reference, actor);
  }

  /**
   * Texts the participant again: the ticket once confirmed (else the message of their status;
   * pending: a new code), at most once an hour, counted against the SMS limits like any text.
   * REGISTRATION_WITHOUT_PHONE when there is no number; `queued` false when this hour's went
   * already or a limit refused it.
   */
  resendSms(event: EventView, reference: string, actor: OrganizerActor): Promise<{ queued: boolean }> {
    return this.resendBy('sms', event, reference, actor);
  }

  private async resendBy(channel: 'email' | 'sms', event: EventView, reference: string, actor: OrganizerActor): Promise<{ queued: boolean }> {
    const first = await this.found(event, reference);
    return this.dataSource.transaction(async (manager) => {
      const r = (await this.registrations.findById(first.id, manager, true))!;
      if (!(channel === 'email' ? r.email : r.phone) || r.erasedAt) {
        throw new RegistrationError(channel === 'email' ? 'REGISTRATION_WITHOUT_EMAIL' : 'REGISTRATION_WITHOUT_PHONE');
      }
      const position = r.waitlistSeq ? await this.registrations.waitlistPosition(manager, r.eventId, r.waitlistSeq) : undefined;
      const options = { again: true, waitlistPosition: position };
      const step = RESEND_STEP[r.status];
      const queued = await (channel === 'email' ? this.mail.send(manager, r, event, step, options) : this.sms.send(manager, r, event, step, options));
      if (queued) {
        await this.registrations.record(manager, {
          organizationId: r.organizationId,
          registrationId: r.id,
          at: this.clock.now(),
          action: 'link-sent',
          actor: actor.userId,
          details: channel === 'email' ? { status: r.status } : { status: r.status, channel },
        });
      }
      return { queued };
    });
  }

  async summary(event: EventView): Promise<RegistrationSummary> {
    const counts = await this.search.countsByStatus(event.organizationId, event.id);
    const byStatus = Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, counts.get(s) ?? 0])) as Record<RegistrationStatus, number>;
    const signups = new Map((await this.search.signupCounts(event.organizationId, event.id)).map((s) => [s.sessionId, s]));
    const workshops = [...(await this.workshops.workshops(event.id)).values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
    return {
      byStatus,
      total: Object.values(byStatus).reduce((a, b) => a + b, 0),
      seats: { taken: await this.ledger.seatsTaken(event.id, this.dataSource.manager), capacity: event.capacity },
      waitlist: byStatus.waitlisted,
      workshops: workshops.map((w) => ({
        id: w.id,
        title: w.title,
        startsAt: w.startsAt,
        capacity: w.capacity,
        signedUp: signups.get(w.id)?.signedUp ?? 0,
        waiting: signups.get(w.id)?.waiting ?? 0,
      })),
      perDay: await this.search.perDay(event.organizationId, event.id, event.timeZone),
    };
  }

  /**
   * Rule 10: once the event has ended (EVENT_NOT_OVER before), every registration's personal
   * data is erased, in short transactions of a few hundred; the statuses, sign-ups and
   * categories stay for the figures. Nobody is cancelled, so nobody is promoted or emailed.
   * Recorded in the audit log with the count.
   */
  /** `actor` null: the automatic clean-up (AnonymizeAfterEvents), recorded as the system's. */
  async anonymize(event: EventView, actor: OrganizerActor | null): Promise<{ anonymized: number }> {
    const now = this.clock.now();
    if (event.endsAt > now) throw new RegistrationError('EVENT_NOT_OVER', { slug: event.slug });
    let anonymized = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (manager) => {
        const ids = await this.search.notErased(manager, event.organizationId, event.id, ERASE_BATCH);
        for (const id of ids) await this.participants.eraseLocked(manager, (await this.registrations.findById(id, manager))!, now, actor ?? 'system');
        return ids.length;
      });
      anonymized += done;
      if (done < ERASE_BATCH) break;
    }
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        organizationId: event.organizationId,
        actorUserId: actor?.userId ?? null,
        action: 'registrations.anonymized',
        entityType: 'event',
        entityId: event.id,
        changes: { anonymized },
      }),
    );
    return { anonymized };
  }

  private async found(event: EventView, reference: string): Promise<Registration> {
    const r = /^[A-Za-z0-9]{1,20}$/.test(reference) ? await this.registrations.findByReference(event.organizationId, event.id, reference) : null;
    if (!r) throw new RegistrationError('REGISTRATION_NOT_FOUND');
    return r;
  }

  private async detailOf(event: EventView, r: Registration): Promise<RegistrationDetail> {
    return { registration: await this.participants.view(r, event), history: await this.history(event, r.id) };
  }

  private async history(event: EventView, registrationId: string): Promise<RegistrationHistoryView[]> {
    return (await this.registrations.history(event.organizationId, registrationId)).map((h) => {
      const byPerson = h.actor !== 'participant' && h.actor !== 'system';
      return {
        at: h.at,
        action: h.action,
        actor: byPerson ? 'organizer' : (h.actor as 'participant' | 'system'),
        actorUserId: byPerson ? h.actor : null,
        details: h.details,
      };
    });
  }
}

function invalid(field: string, fr: string, en: string): PlatformError {
  return new PlatformError('VALIDATION_FAILED', {}, [{ field, message: { fr, en } }]);
}
