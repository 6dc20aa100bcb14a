import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DateTimeProperty, IntegerProperty, LocalizedText, LocalizedTextProperty, UuidProperty } from '@palabre/platform';
import { toZonedIso } from '../time/zoned-time';
import { ROLE_ANSWERS, RoleAnswer, SESSION_ROLES, SESSION_STATUSES, SESSION_TYPES, SessionRole, SessionStatus, SessionType } from '../sessions/session-kinds';
import type { SpeakerSessionView } from './speaker-sessions.service';

/** `POST /api/v1/me/sessions/{id}/accept` or `/decline`: an optional word to the organizers. */
export class AnswerRoleDto {
  @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

export class SpeakerEventResponse {
  @ApiProperty({ example: 'fjc-2026' }) slug: string;
  @LocalizedTextProperty() title: LocalizedText;
  @ApiProperty({ example: 'Africa/Bamako', description: 'The zone the times are given in' }) timeZone: string;
}

/** Someone else on the session: public fields only. */
export class FellowSpeakerResponse {
  @UuidProperty() speakerId: string;
  @ApiProperty() name: string;
  @ApiProperty() title: string;
  @ApiProperty() organization: string;
  @ApiProperty({ enum: SESSION_ROLES }) role: SessionRole;
  @ApiPropertyOptional({ type: LocalizedText, description: 'The public bio: given to the moderator, for their panelists' }) bio?: LocalizedText;
}

export class SpeakerSessionDetailsResponse {
  @UuidProperty() id: string;
  @IntegerProperty() number: number;
  @LocalizedTextProperty() title: LocalizedText;
  @LocalizedTextProperty() abstract: LocalizedText;
  @ApiProperty({ enum: SESSION_TYPES }) type: SessionType;
  @ApiProperty({ enum: SESSION_STATUSES, description: '`draft`: tentative, not yet in the public program' }) status: SessionStatus;
  @DateTimeProperty({ description: "In the event's time zone (its offset)" }) startsAt: string;
  @DateTimeProperty({ description: "In the event's time zone (its offset)" }) endsAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'The room’s name' }) room: string | null;
  @ApiProperty({ example: 'fr' }) language: string;
}

/** A session where the signed-in speaker holds a role, and their answer. */
export class SpeakerSessionResponse {
  @UuidProperty({ description: 'The speaker profile holding the role' }) speakerId: string;
  @ApiProperty({ type: SpeakerEventResponse }) event: SpeakerEventResponse;
  @ApiProperty({ type: SpeakerSessionDetailsResponse }) session: SpeakerSessionDetailsResponse;
  @ApiProperty({ enum: SESSION_ROLES }) role: SessionRole;
  @ApiProperty({ enum: ROLE_ANSWERS, description: '`invited` until the speaker accepts or declines' }) answer: RoleAnswer;
  @ApiProperty({ type: String, nullable: true, description: 'The speaker’s note to the organizers' }) answerNote: string | null;
  @DateTimeProperty({ nullable: true }) answeredAt: string | null;

  @ApiProperty({ type: [FellowSpeakerResponse], description: 'Co-panelists, moderator and other speakers (not those who declined)' })
  people: FellowSpeakerResponse[];
}

export class SpeakerSessionsResponse {
  @ApiProperty({ type: [SpeakerSessionResponse] }) items: SpeakerSessionResponse[];
}

export function toSpeakerSessionResponse(v: SpeakerSessionView): SpeakerSessionResponse {
  const zone = v.event.timeZone;
  return {
    speakerId: v.speakerId,
    event: { slug: v.event.slug, title: v.event.title, timeZone: zone },
    session: { ...v.session, startsAt: toZonedIso(v.session.startsAt, zone), endsAt: toZonedIso(v.session.endsAt, zone) },
    role: v.role,
    answer: v.answer,
    answerNote: v.answerNote,
    answeredAt: v.answeredAt?.toISOString() ?? null,
    people: v.people,
  };
}
