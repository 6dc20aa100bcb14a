import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, Authenticated, CurrentActor } from '@palabre/platform';
import { InviteSpeaker, SpeakerInvitation } from '@palabre/speakers';
import { UuidParam } from '../common/uuid.pipe';

export function toSpeakerInvitationResponse(i: SpeakerInvitation) {
  return { speakerId: i.speakerId, email: i.email, queued: i.queued, expiresAt: i.expiresAt?.toISOString() ?? null };
}

@ApiTags('speakers')
@ApiBearerAuth()
@Controller('api/v1/speakers')
export class SpeakerInvitationsController {
  constructor(private readonly inviteSpeaker: InviteSpeaker) {}

  /** The speaker's organization is found from the speaker: outside the caller's organizations it is a 404. */
  @Post(':id/invite')
  @HttpCode(202)
  @Authenticated('speakers:write')
  @ApiOperation({ summary: 'Invites a speaker: links (or creates) their account and emails a sign-in link; once a day per speaker' })
  async invite(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    return toSpeakerInvitationResponse(await this.inviteSpeaker.execute(actor, id));
  }
}
