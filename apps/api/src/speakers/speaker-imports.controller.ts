import { Body, Controller, Delete, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { MergedSpeakerResponse, MergeSpeakerDto, MergeSpeakers, toMergedSpeakerResponse } from '@palabre/program';
import { PreviewSpeakerImportDto, SpeakerImportResponse, SpeakerImportsService, toSpeakerImportResponse } from '@palabre/speakers';
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { UuidParam } from '../common/uuid.pipe';
import { ApiRoute } from '../common/api-route';

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
  @ApiRoute({
    summary:
      'Previews a CSV of speaker profiles (name, title, organization, email, phone, bio_fr, bio_en, languages): each row’s errors and duplicates; nothing is saved',
    permission: 'speakers:write',
    created: SpeakerImportResponse,
    problems: [400, 409],
  })
  async preview(@OrganizerEvent() { event, actor, locale }: OrganizerEventContext, @Body() dto: PreviewSpeakerImportDto) {
    return toSpeakerImportResponse(await this.imports.preview(event.organizationId, event.id, dto.csv, actor.userId), locale);
  }

  @Get('imports/:id')
  @ApiRoute({
    summary: 'A stored import preview, and whether it was committed, cancelled or has expired',
    permission: 'speakers:write',
    ok: SpeakerImportResponse,
  })
  async get(@OrganizerEvent() { event, locale }: OrganizerEventContext, @UuidParam('id') id: string) {
    return toSpeakerImportResponse(await this.imports.get(event.organizationId, event.id, id), locale);
  }

  @Post('imports/:id/commit')
  @ApiRoute({
    summary: 'Saves the preview’s valid, new rows in one transaction (duplicates are checked again)',
    permission: 'speakers:write',
    ok: SpeakerImportResponse,
    problems: [409],
  })
  async commit(@OrganizerEvent() { event, actor, locale }: OrganizerEventContext, @UuidParam('id') id: string) {
    return toSpeakerImportResponse(await this.imports.commit(event.organizationId, event.id, id, actor.userId), locale);
  }

  @Delete('imports/:id')
  @ApiRoute({ summary: 'Cancels an import preview', permission: 'speakers:write', noContent: 'Cancelled: nothing was saved', problems: [409] })
  async cancel(@OrganizerEvent() { event }: OrganizerEventContext, @UuidParam('id') id: string) {
    await this.imports.cancel(event.organizationId, event.id, id);
  }

  @Post(':id/merge')
  @ApiRoute({
    summary: 'Merges another profile of the same person into this one: its roles move here (one role per session), then it is deleted',
    permission: 'speakers:write',
    ok: MergedSpeakerResponse,
    problems: [400, 409],
  })
  async mergeInto(@OrganizerEvent() { event, actor }: OrganizerEventContext, @UuidParam('id') id: string, @Body() dto: MergeSpeakerDto) {
    return toMergedSpeakerResponse(await this.merge.execute(event, id, dto.otherId, actor.userId));
  }
}
