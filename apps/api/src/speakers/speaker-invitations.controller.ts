import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems, Authenticated, CurrentActor } from '@palabre/platform';
import { InviteSpeaker, SpeakerInvitationResponse, toSpeakerInvitationResponse } from '@palabre/speakers';
import { UuidParam } from '../common/uuid.pipe';

@ApiTags('speakers')
@ApiBearerAuth()
@Controller('api/v1/speakers')
export class SpeakerInvitationsController {
  constructor(private readonly inviteSpeaker: InviteSpeaker) {}

  /** The speaker's organization is found from the speaker: outside the caller's organizations it is a 404. */
  @Post(':id/invite')
  @HttpCode(202)
  @Authenticated('speakers:write')
  @ApiAcceptedResponse({ type: SpeakerInvitationResponse })
  @ApiProblems(400, 401, 403, 404, 409, 422)
  @ApiOperation({ summary: 'Invites a speaker: links (or creates) their account and emails a sign-in link; once a day per speaker' })
  async invite(@CurrentActor() actor: Actor, @UuidParam('id') id: string) {
    return toSpeakerInvitationResponse(await this.inviteSpeaker.execute(actor, id));
  }
}
