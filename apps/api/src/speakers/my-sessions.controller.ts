import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ApiProblems, Authenticated, CurrentActor } from '@palabre/platform';
import { AnswerRoleDto, SpeakerSessionResponse, SpeakerSessionsResponse, SpeakerSessionsService, toSpeakerSessionResponse } from '@palabre/program';
import { UuidParam } from '../common/uuid.pipe';

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
  @Authenticated()
  @ApiOkResponse({ type: SpeakerSessionsResponse })
  @ApiProblems(401)
  @ApiOperation({ summary: 'The sessions where the signed-in speaker holds a role: time in the event’s zone, room, role, answer, the others on it' })
  async list(@CurrentActor() actor: Actor): Promise<SpeakerSessionsResponse> {
    return { items: (await this.sessions.list(actor.userId)).map(toSpeakerSessionResponse) };
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: SpeakerSessionResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'The speaker accepts their role on the session, with an optional note to the organizers' })
  async accept(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: AnswerRoleDto) {
    return toSpeakerSessionResponse(await this.sessions.answer(actor.userId, id, 'accepted', dto?.note));
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: SpeakerSessionResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'The speaker declines their role on the session, with an optional note; a panel may become incomplete' })
  async decline(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Body() dto: AnswerRoleDto) {
    return toSpeakerSessionResponse(await this.sessions.answer(actor.userId, id, 'declined', dto?.note));
  }
}
