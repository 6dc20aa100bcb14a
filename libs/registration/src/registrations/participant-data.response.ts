import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, LocalizedText, LocalizedTextProperty } from '@palabre/platform';
import type { ParticipantHistoryView, RegistrationView } from './participant-registrations.service';
import { ParticipantRegistrationResponse, toParticipantRegistrationResponse } from './registration.response';

export class ConsentResponse {
  @LocalizedTextProperty({ nullable: true, description: 'The consent text as it read when the participant agreed' }) text: LocalizedText | null;
  @DateTimeProperty({ nullable: true, description: 'When they agreed (null: added at the desk)' }) at: string | null;
}

export class ParticipantHistoryResponse {
  @DateTimeProperty() at: string;
  @ApiProperty({ example: 'registered', description: 'registered, confirmed, promoted, cancelled, expired, updated, sessions, link-sent…' }) action: string;
  @ApiProperty({ enum: ['participant', 'system', 'organizer'] }) actor: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

/** `GET /api/v1/registrations/{token}/data`: every piece of personal data kept about the participant (rule 10). */
export class ParticipantDataResponse extends ParticipantRegistrationResponse {
  @ApiProperty({ enum: ['online', 'desk'] }) source: string;
  @DateTimeProperty() createdAt: string;
  @DateTimeProperty({ nullable: true }) confirmedAt: string | null;
  @DateTimeProperty({ nullable: true }) cancelledAt: string | null;
  @ApiProperty({ type: ConsentResponse }) consent: ConsentResponse;
  @ApiProperty({ type: [ParticipantHistoryResponse] }) history: ParticipantHistoryResponse[];
}

export function toParticipantDataResponse(data: { registration: RegistrationView; history: ParticipantHistoryView[] }): ParticipantDataResponse {
  const r = data.registration;
  return {
    ...toParticipantRegistrationResponse(r),
    source: r.source,
    createdAt: r.createdAt.toISOString(),
    confirmedAt: r.confirmedAt?.toISOString() ?? null,
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    consent: { text: r.consent.text, at: r.consent.at?.toISOString() ?? null },
    history: data.history.map((h) => ({ at: h.at.toISOString(), action: h.action, actor: h.actor, details: h.details })),
  };
}
