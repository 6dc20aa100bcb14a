import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, UuidProperty } from '@palabre/platform';
import type { SpeakerInvitation } from './invite-speaker.usecase';

export class SpeakerInvitationResponse {
  @UuidProperty() speakerId: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty({ description: 'False when the speaker was already invited today: no second email' }) queued: boolean;
  @DateTimeProperty({ nullable: true, description: 'Until when the emailed link signs in; null when nothing was queued' }) expiresAt: string | null;
}

export function toSpeakerInvitationResponse(i: SpeakerInvitation): SpeakerInvitationResponse {
  return { speakerId: i.speakerId, email: i.email, queued: i.queued, expiresAt: i.expiresAt?.toISOString() ?? null };
}
