import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems, Authenticated } from '@palabre/platform';
import { MergedSpeakerResponse, MergeSpeakerDto, MergeSpeakers, toMergedSpeakerResponse } from '@palabre/program';
import { PreviewSpeakerImportDto, SpeakerImportResponse, SpeakerImportsService, toSpeakerImportResponse } from '@palabre/speakers';
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { UuidParam } from '../common/uuid.pipe';

/**
 * CSV import of speaker profiles (preview stored on the server, then commit or cancel) and the
 * merge of two profiles of one person. Organizers with `speakers:write`.
 */
@ApiTags('speakers')
@ApiBearerAuth()
@Controller('api/v1/events/:slug/speakers')
export class SpeakerImportsController {
  constructor(
    private readonly imports: SpeakerImportsService,
    private readonly merge: MergeSpeakers,
  ) {}

  @Post('imports')
  @Authenticated('speakers:write')
  @ApiCreatedResponse({ type: SpeakerImportResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({
    summary:
      'Previews a CSV of speaker profiles (name, title, organization, email, phone, bio_fr, bio_en, languages): each row’s errors and duplicates; nothing is saved',
  })
  async preview(@OrganizerEvent() { event, actor, locale }: OrganizerEventContext, @Body() dto: PreviewSpeakerImportDto) {
    return toSpeakerImportResponse(await this.imports.preview(event.organizationId, event.id, dto.csv, actor.userId), locale);
  }

  @Get('imports/:id')
  @Authenticated('speakers:write')
  @ApiOkResponse({ type: SpeakerImportResponse })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'A stored import preview, and whether it was committed, cancelled or has expired' })
  async get(@OrganizerEvent() { event, locale }: OrganizerEventContext, @UuidParam('id') id: string) {
    return toSpeakerImportResponse(await this.imports.get(event.organizationId, event.id, id), locale);
  }

  @Post('imports/:id/commit')
  @HttpCode(200)
  @Authenticated('speakers:write')
  @ApiOkResponse({ type: SpeakerImportResponse })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'Saves the preview’s valid, new rows in one transaction (duplicates are checked again)' })
  async commit(@OrganizerEvent() { event, actor, locale }: OrganizerEventContext, @UuidParam('id') id: string) {
    return toSpeakerImportResponse(await this.imports.commit(event.organizationId, event.id, id, actor.userId), locale);
  }

  @Delete('imports/:id')
  @HttpCode(204)
  @Authenticated('speakers:write')
  @ApiNoContentResponse({ description: 'Cancelled: nothing was saved' })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'Cancels an import preview' })
  async cancel(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    await this.imports.cancel(event.organizationId, event.id, id);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Authenticated('speakers:write')
  @ApiOkResponse({ type: MergedSpeakerResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Merges another profile of the same person into this one: its roles move here (one role per session), then it is deleted' })
  async mergeInto(@OrganizerEvent() { event, actor }: OrganizerEventContext, @UuidParam('id') id: string, @Body() dto: MergeSpeakerDto) {
    return toMergedSpeakerResponse(await this.merge.execute(event, id, dto.otherId, actor.userId));
  }
}
