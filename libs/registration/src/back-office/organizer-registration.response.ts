import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, IntegerProperty, LocalizedText, LocalizedTextProperty, PageOf, Page, UuidProperty } from '@palabre/platform';
import { SIGNUP_STATUSES } from '../workshops/session-signup.entity';
import { participantOf, REGISTRATION_STATUSES, RegistrationStatus } from '../registrations/registration.entity';
import { ParticipantResponse, registrationState, RegistrationStateResponse, SignupResponse, toSignupResponse } from '../registrations/registration.response';
import type { RegistrationDetail, RegistrationListItem, RegistrationSummary } from './organizer-registrations.service';

export class RegistrationSessionRefResponse {
  @UuidProperty() sessionId: string;
  @ApiProperty({ enum: SIGNUP_STATUSES }) status: string;
}

/** One registration in the organizers' list. */
export class OrganizerRegistrationResponse {
  @ApiProperty({ example: 'K7QM3XWP' }) reference: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @IntegerProperty({ optional: true, description: 'Rank on the waiting list (1 = next)' }) waitlistPosition?: number;
  @ApiProperty({ type: ParticipantResponse }) participant: ParticipantResponse;
  @ApiProperty({ enum: ['online', 'desk'] }) source: string;
  @ApiProperty({ type: [RegistrationSessionRefResponse], description: 'Workshops signed up to or waited for' }) sessions: RegistrationSessionRefResponse[];
  @DateTimeProperty() createdAt: string;
  @DateTimeProperty({ nullable: true }) confirmedAt: string | null;
  @DateTimeProperty({ nullable: true }) cancelledAt: string | null;
  @DateTimeProperty({ nullable: true, description: 'Personal data erased (rule 10)' }) erasedAt: string | null;
}

export class OrganizerRegistrationPageResponse extends PageOf(OrganizerRegistrationResponse) {}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function toOrganizerRegistrationResponse(r: RegistrationListItem): OrganizerRegistrationResponse {
  return {
    reference: r.reference,
    status: r.status,
    ...(r.waitlistPosition ? { waitlistPosition: r.waitlistPosition } : {}),
    participant: participantOf(r),
    source: r.source,
    sessions: r.sessions.map((s) => ({ sessionId: s.sessionId, status: s.status })),
    createdAt: new Date(r.createdAt).toISOString(),
    confirmedAt: iso(r.confirmedAt),
    cancelledAt: iso(r.cancelledAt),
    erasedAt: iso(r.erasedAt),
  };
}

export function toOrganizerRegistrationPageResponse(p: Page<RegistrationListItem>): OrganizerRegistrationPageResponse {
  return { items: p.items.map(toOrganizerRegistrationResponse), total: p.total, page: p.page, pageSize: p.pageSize };
}

export class RegistrationHistoryResponse {
  @DateTimeProperty() at: string;

  @ApiProperty({ example: 'registered', description: 'registered, confirmed, promoted, cancelled, expired, updated, sessions, link-sent, erased…' })
  action: string;

  @ApiProperty({ enum: ['participant', 'system', 'organizer'] }) actor: string;
  @UuidProperty({ nullable: true, description: 'The organizer who acted' }) actorUserId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

export class RegistrationConsentResponse {
  @LocalizedTextProperty({ nullable: true, description: 'The consent text as it read when given; null for a desk registration' }) text: LocalizedText | null;
  @DateTimeProperty({ nullable: true }) at: string | null;
}

/** One registration with its workshops, consent and history (the back-office detail). */
export class OrganizerRegistrationDetailResponse extends RegistrationStateResponse {
  @ApiProperty({ required: false, description: 'Once confirmed: the ticket’s code' }) ticketCode?: string;
  @ApiProperty({ type: ParticipantResponse }) participant: ParticipantResponse;
  @ApiProperty({ type: [SignupResponse] }) sessions: SignupResponse[];
  @ApiProperty({ type: RegistrationConsentResponse }) consent: RegistrationConsentResponse;
  @ApiProperty({ enum: ['online', 'desk'] }) source: string;
  @DateTimeProperty() createdAt: string;
  @DateTimeProperty({ nullable: true }) confirmedAt: string | null;
  @DateTimeProperty({ nullable: true }) cancelledAt: string | null;
  @DateTimeProperty({ nullable: true }) erasedAt: string | null;
  @ApiProperty({ type: [RegistrationHistoryResponse], description: 'Oldest first' }) history: RegistrationHistoryResponse[];
}

export function toOrganizerRegistrationDetailResponse({ registration: v, history }: RegistrationDetail): OrganizerRegistrationDetailResponse {
  return {
    ...registrationState(v),
    participant: { ...v.participant },
    sessions: v.sessions.map(toSignupResponse),
    consent: { text: v.consent.text, at: iso(v.consent.at) },
    source: v.source,
    createdAt: v.createdAt.toISOString(),
    confirmedAt: iso(v.confirmedAt),
    cancelledAt: iso(v.cancelledAt),
    erasedAt: iso(v.erasedAt),
    history: history.map((h) => ({ at: h.at.toISOString(), action: h.action, actor: h.actor, actorUserId: h.actorUserId, details: h.details })),
  };
}

export class RegistrationCountsResponse {
  @IntegerProperty() pending: number;
  @IntegerProperty() confirmed: number;
  @IntegerProperty() waitlisted: number;
  @IntegerProperty() cancelled: number;
  @IntegerProperty() expired: number;
}

export class SeatsResponse {
  @IntegerProperty({ description: 'Seats held (confirmed, and pending with a hold)' }) taken: number;
  @IntegerProperty({ nullable: true, description: 'null: no limit' }) capacity: number | null;
}

export class WorkshopFillResponse {
  @UuidProperty() id: string;
  @LocalizedTextProperty() title: LocalizedText;
  @DateTimeProperty() startsAt: string;
  @IntegerProperty({ nullable: true }) capacity: number | null;
  @IntegerProperty() signedUp: number;
  @IntegerProperty() waiting: number;
}

export class RegistrationsPerDayResponse {
  @ApiProperty({ example: '2030-05-02', description: 'The day in the event’s time zone' }) date: string;
  @IntegerProperty() count: number;
}

/** `GET …/registrations/summary`: the dashboard's counts. */
export class RegistrationSummaryResponse {
  @ApiProperty({ type: RegistrationCountsResponse }) byStatus: RegistrationCountsResponse;
  @IntegerProperty() total: number;
  @ApiProperty({ type: SeatsResponse }) seats: SeatsResponse;
  @IntegerProperty({ description: 'People on the event’s waiting list' }) waitlist: number;
  @ApiProperty({ type: [WorkshopFillResponse] }) workshops: WorkshopFillResponse[];
  @ApiProperty({ type: [RegistrationsPerDayResponse], description: 'New registrations per day' }) perDay: RegistrationsPerDayResponse[];
}

export function toRegistrationSummaryResponse(s: RegistrationSummary): RegistrationSummaryResponse {
  return { ...s, byStatus: { ...s.byStatus }, workshops: s.workshops.map((w) => ({ ...w })), perDay: s.perDay.map((d) => ({ ...d })) };
}

export class LinkResentResponse {
  @ApiProperty({ description: 'false when this hour’s message went already' }) queued: boolean;
}

export class AnonymizedResponse {
  @IntegerProperty({ description: 'Registrations whose personal data was erased now' }) anonymized: number;
}
