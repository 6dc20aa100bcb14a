import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, IntegerProperty, LocalizedText, LocalizedTextProperty, UuidProperty } from '@palabre/platform';
import { SIGNUP_STATUSES } from '../workshops/session-signup.entity';
import type { RegistrationView } from './participant-registrations.service';
import type { RegistrationOutcome } from './register.usecase';
import { REGISTRATION_STATUSES, RegistrationStatus } from './registration.entity';

/** A new registration without double opt-in (201); with it, or for a repeat, `{ status: "check_email" }` (202). */
export class RegistrationCreatedResponse {
  @ApiProperty({ example: 'K7QM3XWP', description: 'What the participant quotes' }) reference: string;
  @ApiProperty({ enum: ['confirmed', 'waitlisted'] }) status: 'confirmed' | 'waitlisted';
  @IntegerProperty({ optional: true, description: 'Rank on the waiting list (1 = next)' }) waitlistPosition?: number;
  @ApiProperty({ description: 'Opens the registration (`/api/v1/registrations/{token}`, page `/r/{token}`); shown once' }) manageToken: string;
}

export class RegistrationCheckEmailResponse {
  @ApiProperty({ enum: ['check_email'] }) status: 'check_email';
}

/** A code entered right: the registration it opens, confirmed when it was waiting for it. */
export class SmsCodeAcceptedResponse {
  @ApiProperty({ example: 'K7QM3XWP' }) reference: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @ApiProperty({ description: 'Opens the registration (`/r/{token}`, `GET /api/v1/registrations/{token}`)', example: 'Zq3…' }) manageToken: string;
}

/**
 * The answer's body (api.md): with the opt-in, always `{ status: "check_email" }` — for a
 * participant with a phone only too, whose code comes by SMS (the controller names where to
 * enter it in the `Location` header, so that the body stays the contract's).
 */
export function toRegistrationOutcomeResponse(o: RegistrationOutcome): RegistrationCreatedResponse | RegistrationCheckEmailResponse {
  if (!('reference' in o)) return { status: 'check_email' };
  return { reference: o.reference, status: o.status, ...(o.waitlistPosition ? { waitlistPosition: o.waitlistPosition } : {}), manageToken: o.manageToken };
}

export class RegistrationEventResponse {
  @ApiProperty({ example: 'job-cluster-2025' }) slug: string;
  @LocalizedTextProperty() title: LocalizedText;
  @DateTimeProperty() startsAt: string;
  @DateTimeProperty() endsAt: string;
  @ApiProperty({ example: 'Africa/Bamako' }) timeZone: string;
  @ApiProperty() venueName: string;
}

export class ParticipantResponse {
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'E.164' }) phone: string | null;
  @ApiProperty() organization: string;
  @ApiProperty({ nullable: true, type: String }) organizationType: string | null;
  @ApiProperty({ nullable: true, type: String }) gender: string | null;
  @ApiProperty({ nullable: true, type: String }) ageGroup: string | null;
  @ApiProperty({ nullable: true, type: String }) region: string | null;
  @ApiProperty({ enum: ['fr', 'en'] }) locale: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'By question id' }) answers: Record<string, unknown>;
}

export class SignupResponse {
  @UuidProperty() id: string;
  @LocalizedTextProperty({ nullable: true, description: 'Null when the workshop is no longer on the released program' }) title: LocalizedText | null;
  @DateTimeProperty({ nullable: true }) startsAt: string | null;
  @DateTimeProperty({ nullable: true }) endsAt: string | null;
  @ApiProperty({ nullable: true, type: String }) room: string | null;
  @ApiProperty({ enum: SIGNUP_STATUSES }) status: string;
  @IntegerProperty({ optional: true }) waitlistPosition?: number;
}

/** Where a registration stands (`registrationState`): what the participant's and the organizers' views open with; each adds its `ticketCode`. */
export class RegistrationStateResponse {
  @ApiProperty() reference: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
  @IntegerProperty({ optional: true }) waitlistPosition?: number;
  @DateTimeProperty({ optional: true, description: 'Pending: the seat is held until then' }) holdExpiresAt?: string;
}

/** `GET /api/v1/registrations/{token}`: the registration as its participant sees it. */
export class ParticipantRegistrationResponse extends RegistrationStateResponse {
  @ApiProperty({ required: false, description: 'Once confirmed: the code the QR ticket carries' }) ticketCode?: string;
  @ApiProperty({ type: RegistrationEventResponse }) event: RegistrationEventResponse;
  @ApiProperty({ type: ParticipantResponse }) participant: ParticipantResponse;
  @ApiProperty({ type: [SignupResponse] }) sessions: SignupResponse[];
}

/** Where a registration stands: the fields the participant's and the organizers' views open with. */
export function registrationState(v: RegistrationView) {
  return {
    reference: v.reference,
    status: v.status,
    ...(v.waitlistPosition ? { waitlistPosition: v.waitlistPosition } : {}),
    ...(v.ticketCode ? { ticketCode: v.ticketCode } : {}),
    ...(v.holdExpiresAt ? { holdExpiresAt: v.holdExpiresAt.toISOString() } : {}),
  };
}

export function toSignupResponse(s: RegistrationView['sessions'][number]): SignupResponse {
  return {
    id: s.sessionId,
    title: s.workshop?.title ?? null,
    startsAt: s.workshop?.startsAt ?? null,
    endsAt: s.workshop?.endsAt ?? null,
    room: s.workshop?.room ?? null,
    status: s.status,
    ...(s.waitlistPosition ? { waitlistPosition: s.waitlistPosition } : {}),
  };
}

export function toParticipantRegistrationResponse(v: RegistrationView): ParticipantRegistrationResponse {
  return {
    ...registrationState(v),
    event: {
      slug: v.event.slug,
      title: v.event.title,
      startsAt: v.event.startsAt.toISOString(),
      endsAt: v.event.endsAt.toISOString(),
      timeZone: v.event.timeZone,
      venueName: v.event.venueName,
    },
    participant: { ...v.participant },
    sessions: v.sessions.map(toSignupResponse),
  };
}

export class RegistrationStatusResponse {
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: RegistrationStatus;
}
