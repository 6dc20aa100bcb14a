import { Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@palabre/platform';
import { InviteSpeaker, SpeakerInvitationResponse, toSpeakerInvitationResponse } from '@palabre/speakers';
import { UuidParam } from '../common/uuid.pipe';
import { ApiRoute } from '../common/api-route';

@ApiTags('speakers')
@ApiBearerAuth()
@Controller('api/v1/speakers')
export class SpeakerInvitationsController {
  constructor(private readonly inviteSpeaker: InviteSpeaker) {}

  /** The speaker's organization is found from the speaker: outside the caller's organizations it is a 404. */
  @Post(':id/invite')
  @ApiRoute({
    summary: 'Invites a speaker: links (or creates) their account and emails a sign-in link; once a day per speaker',
    permission: 'speakers:write',
    accepted: SpeakerInvitationResponse,
    problems: [400, 409, 422],
  })
  async invite(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    return toSpeakerInvitationResponse(await this.inviteSpeaker.execute(actor, id));
  }
}
