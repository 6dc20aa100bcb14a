import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { DateTimeProperty, IntegerProperty, LocalizedText, LocalizedTextProperty, UuidProperty } from '@palabre/platform';
import { EVENT_STATUSES, EventStatus, QUESTION_KINDS, RegistrationQuestion } from './event.entity';
import type { EventView, RegistrationAvailability } from './events.service';

export class VenueResponse {
  @ApiProperty({ example: 'Centre international de conférences de Bamako' }) name: string;
  @ApiProperty() address: string;
}

export class QuestionChoiceResponse {
  @ApiProperty() value: string;
  @LocalizedTextProperty() label: LocalizedText;
}

/** A question of the registration form. */
export class RegistrationQuestionResponse {
  @ApiProperty({ description: 'The key of its answer in a registration’s `answers`' }) id: string;
  @LocalizedTextProperty() label: LocalizedText;
  @ApiProperty({ enum: QUESTION_KINDS }) kind: RegistrationQuestion['kind'];
  @ApiProperty() required: boolean;
  @ApiPropertyOptional({ type: [QuestionChoiceResponse], description: 'For `choice` questions' }) choices?: QuestionChoiceResponse[];
}

/** The registration settings as organizers edit them. */
export class RegistrationSettingsResponse {
  @DateTimeProperty({ nullable: true }) opensAt: string | null;
  @DateTimeProperty({ nullable: true }) closesAt: string | null;
  @IntegerProperty({ nullable: true, description: 'Seats for the whole event; null: no limit' }) capacity: number | null;
  @ApiProperty() confirmEmail: boolean;
  @IntegerProperty({ description: 'Hours an unconfirmed registration holds its seat' }) holdHours: number;

  @IntegerProperty({
    nullable: true,
    description: 'Minutes after a workshop starts when the seats of those signed up and not checked in at its door go to its waiting list; null: never',
  })
  noShowReleaseMinutes: number | null;

  @ApiProperty({ type: [RegistrationQuestionResponse] }) questions: RegistrationQuestionResponse[];
  @LocalizedTextProperty({ nullable: true }) consentText: LocalizedText | null;
}

/** Whether registration is open now, and how many seats are left. */
class RegistrationAvailabilityResponse {
  @ApiProperty() open: boolean;
  @IntegerProperty({ nullable: true, description: 'null: no limit' }) capacity: number | null;
  @IntegerProperty({ nullable: true, description: 'null: no limit' }) remaining: number | null;
}

/**
 * Whether one can register now, and what the form asks: the organizers' settings but the seats
 * and hold, with how many seats are left (which may lag a few seconds: a hint).
 */
export class EventRegistrationResponse extends IntersectionType(
  RegistrationAvailabilityResponse,
  OmitType(RegistrationSettingsResponse, ['capacity', 'holdHours', 'noShowReleaseMinutes'] as const),
) {
  @ApiProperty({ description: 'Whether a registration is confirmed by a link sent by email' })
  override confirmEmail: boolean;
}

/** The public face of an event. */
export class EventResponse {
  @ApiProperty({ example: 'fjc-2026' }) slug: string;
  @ApiProperty({ example: 'FJC' }) acronym: string;
  @LocalizedTextProperty() title: LocalizedText;
  @LocalizedTextProperty() description: LocalizedText;
  @DateTimeProperty() startsAt: string;
  @DateTimeProperty() endsAt: string;
  @ApiProperty({ example: 'Africa/Bamako' }) timeZone: string;
  @ApiProperty({ type: VenueResponse }) venue: VenueResponse;
  @ApiProperty({ example: '#0b6e4f' }) colour: string;
  @ApiProperty({ enum: EVENT_STATUSES }) status: EventStatus;
  @ApiPropertyOptional({ type: EventRegistrationResponse, description: 'On `GET /api/v1/events/{slug}` only' }) registration?: EventRegistrationResponse;
}

/** How speakers who have not answered are reminded. */
export class SpeakerReminderSettingsResponse {
  @IntegerProperty({ description: 'Days without an answer before a speaker is reminded of a role; 0: never' }) days: number;
  @IntegerProperty({ description: 'At most this many automatic reminders per role' }) max: number;
}

/** What organizers see: every setting, including the registration ones the form uses. */
export class OrganizerEventResponse extends OmitType(EventResponse, ['registration'] as const) {
  @UuidProperty() id: string;

  @ApiProperty({ type: SpeakerReminderSettingsResponse, description: 'Set with `speakerReminderDays` and `speakerReminderMax`' })
  speakerReminders: SpeakerReminderSettingsResponse;

  @DateTimeProperty({ nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: RegistrationSettingsResponse }) registrationSettings: RegistrationSettingsResponse;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The public face of an event; with `registration`, whether one can register and what the form asks. */
export function toEventResponse(e: EventView, registration?: RegistrationAvailability): EventResponse {
  return {
    slug: e.slug,
    acronym: e.acronym,
    title: e.title,
    description: e.description,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
    timeZone: e.timeZone,
    venue: { name: e.venueName, address: e.venueAddress },
    colour: e.colour,
    status: e.status,
    ...(registration
      ? {
          registration: {
            open: registration.open,
            capacity: registration.capacity,
            remaining: registration.remaining,
            opensAt: iso(e.registrationOpensAt),
            closesAt: iso(e.registrationClosesAt),
            confirmEmail: e.confirmEmail,
            questions: e.questions,
            consentText: e.consentText,
          },
        }
      : {}),
  };
}

export function toOrganizerEventResponse(e: EventView): OrganizerEventResponse {
  return {
    ...toEventResponse(e),
    id: e.id,
    speakerReminders: { days: e.speakerReminderDays, max: e.speakerReminderMax },
    publishedAt: iso(e.publishedAt),
    registrationSettings: {
      opensAt: iso(e.registrationOpensAt),
      closesAt: iso(e.registrationClosesAt),
      capacity: e.capacity,
      confirmEmail: e.confirmEmail,
      holdHours: e.holdHours,
      noShowReleaseMinutes: e.noShowReleaseMinutes,
      questions: e.questions,
      consentText: e.consentText,
    },
  };
}
