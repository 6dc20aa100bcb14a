import { Controller, Get, Post, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated, PlatformError } from '@palabre/platform';
import { MergeSpeakers } from '@palabre/program';
import { SpeakerImportsService, SpeakersService } from '@palabre/speakers';
import { sendAdminHtml, submitForm } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { EventForm, EventFormContext, eventPath, OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { UuidParam } from '../common/uuid.pipe';
import { field } from './form-values';
import { renderImportPage, renderImportPreviewPage } from './speaker-import-pages';
import { renderSpeakerPage, speakerFormFromView } from './speakers-pages';
import { Notice } from '../common/notice';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** CSV import of speakers (paste, preview, commit or cancel) and the merge of two profiles, in the back-office (`speakers:write`). */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/events/:slug/speakers')
export class SpeakerImportPagesController {
  constructor(
    private readonly imports: SpeakerImportsService,
    private readonly speakers: SpeakersService,
    private readonly merge: MergeSpeakers,
  ) {}

  @Get('import')
  @Authenticated('speakers:write')
  form(@OrganizerEvent() ctx: OrganizerEventContext, @Notice(['cancelled']) notice: string | undefined, @Res() reply: FastifyReply) {
    sendAdminHtml(reply, renderImportPage(ctx, { csv: '', cancelled: notice === 'cancelled' }), ctx.locale);
  }

  @Post('import')
  @Authenticated('speakers:write')
  async preview(@EventForm('/speakers/import') ctx: EventFormContext, @Res() reply: FastifyReply) {
    const csv = field(ctx.fields, 'csv');
    await submitForm(
      reply,
      ctx.locale,
      async () => eventPath(ctx, `/speakers/import/${(await this.imports.preview(ctx.event.organizationId, ctx.event.id, csv, ctx.actor.userId)).id}`),
      (problem) => renderImportPage(ctx, { csv, problem }),
    );
  }

  @Get('import/:id')
  @Authenticated('speakers:write')
  async previewPage(@OrganizerEvent() ctx: OrganizerEventContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    sendAdminHtml(reply, renderImportPreviewPage(ctx, await this.imports.get(ctx.event.organizationId, ctx.event.id, id)), ctx.locale);
  }

  @Post('import/:id/commit')
  @Authenticated('speakers:write')
  async commit(@OrganizerEvent('/speakers/import/:id') ctx: OrganizerEventContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    await this.onPreview(ctx, reply, id, async () => {
      await this.imports.commit(ctx.event.organizationId, ctx.event.id, id, ctx.actor.userId);
      return eventPath(ctx, `/speakers/import/${id}`);
    });
  }

  @Post('import/:id/cancel')
  @Authenticated('speakers:write')
  async cancel(@OrganizerEvent('/speakers/import/:id') ctx: OrganizerEventContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    await this.onPreview(ctx, reply, id, async () => {
      await this.imports.cancel(ctx.event.organizationId, ctx.event.id, id);
      return `${eventPath(ctx, '/speakers/import')}?done=cancelled`;
    });
  }

  @Post(':id/merge')
  @Authenticated('speakers:write')
  async mergeInto(@EventForm('/speakers/:id') ctx: EventFormContext, @UuidParam('id') id: string, @Res() reply: FastifyReply) {
    const otherId = field(ctx.fields, 'otherId');
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        if (!UUID.test(otherId)) {
          throw new PlatformError('VALIDATION_FAILED', {}, [{ field: 'otherId', message: { fr: 'Choisissez une fiche.', en: 'Choose a profile.' } }]);
        }
        await this.merge.execute(ctx.event, id, otherId, ctx.actor.userId);
        return `${eventPath(ctx, `/speakers/${id}`)}?done=merged`;
      },
      async (problem) => {
        const speaker = await this.speakers.get(ctx.event.organizationId, ctx.event.id, id);
        const others = await this.speakers.list(ctx.event.organizationId, ctx.event.id);
        return renderSpeakerPage(ctx, { speaker, values: speakerFormFromView(speaker), problem, others });
      },
    );
  }

  /** A write from an import's preview: a refusal shows the preview again with its problem. */
  private async onPreview(ctx: OrganizerEventContext, reply: FastifyReply, id: string, work: () => Promise<string>) {
    await submitForm(reply, ctx.locale, work, async (problem) =>
      renderImportPreviewPage(ctx, await this.imports.get(ctx.event.organizationId, ctx.event.id, id), problem),
    );
  }
}
