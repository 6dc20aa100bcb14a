import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@palabre/platform';
import { AnswerRoleDto, SpeakerSessionResponse, SpeakerSessionsResponse, SpeakerSessionsService, toSpeakerSessionResponse } from '@palabre/program';
import { UuidParam } from '../common/uuid.pipe';
import { ApiRoute, ApiRouteOptions } from '../common/api-route';

/** The contract of an answer (accept or decline): the session as the speaker now sees it. */
const ANSWER: Omit<ApiRouteOptions, 'summary'> = { permission: 'signed-in', ok: SpeakerSessionResponse, problems: [400, 403, 404, 409] };

/**
 * The signed-in speaker's sessions and their answers. Any signed-in account may call it: the
 * roles are those of the speaker profiles linked to that account (the invitation links them),
 * so it names no organization and needs no permission; another speaker's session is a 404.
 */
@ApiTags('speakers')
@ApiBearerAuth()
@Controller('api/v1/me/sessions')
export class MySessionsController {
  constructor(private readonly sessions: SpeakerSessionsService) {}

  @Get()
  @ApiRoute({
    summary: 'The sessions where the signed-in speaker holds a role: time in the event’s zone, room, role, answer, the others on it',
    permission: 'signed-in',
    ok: SpeakerSessionsResponse,
  })
  async list(@CurrentActor() actor: Actor): Promise<SpeakerSessionsResponse> {
    return { items: (await this.sessions.list(actor.userId)).map(toSpeakerSessionResponse) };
  }

  @Post(':id/accept')
  @ApiRoute({ ...ANSWER, summary: 'The speaker accepts their role on the session, with an optional note to the organizers' })
  async accept(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: AnswerRoleDto) {
    return toSpeakerSessionResponse(await this.sessions.answer(actor.userId, id, 'accepted', dto?.note));
  }

  @Post(':id/decline')
  @ApiRoute({ ...ANSWER, summary: 'The speaker declines their role on the session, with an optional note; a panel may become incomplete' })
  async decline(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: AnswerRoleDto) {
    return toSpeakerSessionResponse(await this.sessions.answer(actor.userId, id, 'declined', dto?.note));
  }
}
