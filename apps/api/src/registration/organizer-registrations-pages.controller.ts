import { Controller, Get, Param, Post, Query, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { Authenticated, Clock, DomainError, PlatformError } from '@palabre/platform';
import { AddRegistrationDto, OrganizerRegistrations, RegistrationsFilterDto, Workshops } from '@palabre/registration';
import { formProblem, seeOther, sendAdminHtml, submitForm } from '../admin/admin-context';
import { AdminPageFilter } from '../admin/admin-page.filter';
import { EventForm, EventFormContext, eventPath, OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { validForm } from '../program-admin/form-check';
import { deskBody, deskFormField, deskFormValues, emptyDeskForm } from './desk-form';
import { renderDeskPage, renderRegistrationPage, renderRegistrationsPage, RegistrationNotice } from './organizer-registrations-pages';

const NOTICES: RegistrationNotice[] = ['added', 'cancelled', 'resent', 'already-sent', 'sms-sent', 'sms-not-sent', 'anonymized'];

/** The list page's query: the API's filters and the notice after a redirect. */
export class RegistrationsPageQueryDto extends RegistrationsFilterDto {
  @IsOptional()
  @IsIn(NOTICES)
  done?: RegistrationNotice;
}

class NoticeQueryDto {
  @IsOptional()
  @IsIn(NOTICES)
  done?: RegistrationNotice;

  @IsOptional()
  @IsIn(['fr', 'en'])
  lang?: string;
}

/**
 * The event's registrations in the back-office: figures, search and list (`registrations:read`:
 * never the program role), one registration with its history, the desk's « ajouter une
 * personne » (`registrations:add`), cancel, resend and anonymize (`registrations:write`).
 */
@ApiExcludeController()
@UseFilters(AdminPageFilter)
@Controller('admin/o/:orgSlug/events/:slug/registrations')
export class OrganizerRegistrationsPagesController {
  constructor(
    private readonly registrations: OrganizerRegistrations,
    private readonly workshops: Workshops,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Authenticated('registrations:read')
  async list(@OrganizerEvent() ctx: OrganizerEventContext, @Query() query: RegistrationsPageQueryDto, @Res() reply: FastifyReply) {
    const { event } = ctx;
    const summary = await this.registrations.summary(event);
    const workshops = [...(await this.workshops.workshops(event.id)).values()];
    const props = { summary, filter: query, workshops, notice: query.done, now: this.clock.now() };
    try {
      const list = await this.registrations.list(event, query);
      sendAdminHtml(reply, renderRegistrationsPage(ctx, { ...props, list }), ctx.locale);
    } catch (error) {
      // A filter the event cannot answer (a question without its answer…): said beside the filters.
      const problem = formProblem(error, ctx.locale);
      const empty = { items: [], total: 0, page: 1, pageSize: 50 };
      sendAdminHtml(reply, renderRegistrationsPage(ctx, { ...props, list: empty, problem }), ctx.locale, problem.status);
    }
  }

  @Get('new')
  @Authenticated('registrations:add')
  async deskForm(@OrganizerEvent() ctx: OrganizerEventContext, @Res() reply: FastifyReply) {
    const workshops = [...(await this.workshops.workshops(ctx.event.id)).values()];
    sendAdminHtml(reply, renderDeskPage(ctx, { values: emptyDeskForm(ctx.event), workshops }), ctx.locale);
  }

  @Post()
  @Authenticated('registrations:add')
  async add(@EventForm('/registrations/new') ctx: EventFormContext, @Res() reply: FastifyReply) {
    const values = deskFormValues(ctx.event, ctx.fields);
    await submitForm(
      reply,
      ctx.locale,
      async () => {
        const added = await this.registrations.add(ctx.event, await validForm(AddRegistrationDto, deskBody(ctx.event, values)), ctx.actor);
        return `${eventPath(ctx, `/registrations/${added.registration.reference}`)}?done=added`;
      },
      async (problem) => renderDeskPage(ctx, { values, workshops: [...(await this.workshops.workshops(ctx.event.id)).values()], problem }),
      deskFormField,
    );
  }

  @Post('anonymize')
  @Authenticated('registrations:write')
  async anonymize(@EventForm() ctx: EventFormContext, @Res() reply: FastifyReply) {
    // Irreversible: only with the box « I confirm » ticked (the form requires it; a post without it changes nothing).
    if (ctx.fields.confirm !== 'oui') {
      throw new PlatformError('VALIDATION_FAILED', {}, [
        { field: 'confirm', message: { fr: 'Cochez la case pour confirmer l’anonymisation.', en: 'Tick the box to confirm the anonymization.' } },
      ]);
    }
    await this.registrations.anonymize(ctx.event, ctx.actor);
    seeOther(reply, `${eventPath(ctx, '/registrations')}?done=anonymized`);
  }

  @Get(':reference')
  @Authenticated('registrations:read')
  async detail(
    @OrganizerEvent() ctx: OrganizerEventContext,
    @Param('reference') reference: string,
    @Query() query: NoticeQueryDto,
    @Res() reply: FastifyReply,
  ) {
    const detail = await this.registrations.detail(ctx.event, reference);
    sendAdminHtml(reply, renderRegistrationPage(ctx, { detail, notice: query.done }), ctx.locale);
  }

  @Post(':reference/cancel')
  @Authenticated('registrations:write')
  async cancel(@OrganizerEvent() ctx: OrganizerEventContext, @Param('reference') reference: string, @Res() reply: FastifyReply) {
    const { registration } = await this.registrations.cancel(ctx.event, reference, ctx.actor);
    seeOther(reply, `${eventPath(ctx, `/registrations/${registration.reference}`)}?done=cancelled`);
  }

  @Post(':reference/resend')
  @Authenticated('registrations:write')
  async resend(@OrganizerEvent('/registrations/:reference') ctx: OrganizerEventContext, @Param('reference') reference: string, @Res() reply: FastifyReply) {
    await this.resendBy('email', ctx, reference, reply);
  }

  /** « Renvoyer le billet par SMS »: the ticket (or the message of the status) again, to the participant's phone. */
  @Post(':reference/resend-sms')
  @Authenticated('registrations:write')
  async resendSms(@OrganizerEvent('/registrations/:reference') ctx: OrganizerEventContext, @Param('reference') reference: string, @Res() reply: FastifyReply) {
    await this.resendBy('sms', ctx, reference, reply);
  }

  /** The message again by email or SMS: back with its notice, or the registration's page with the refusal (no address, no phone). */
  private async resendBy(channel: 'email' | 'sms', ctx: OrganizerEventContext, reference: string, reply: FastifyReply): Promise<void> {
    const how = RESEND[channel];
    try {
      const { queued } = await (channel === 'email' ? this.registrations.resend : this.registrations.resendSms).call(
        this.registrations,
        ctx.event,
        reference,
        ctx.actor,
      );
      seeOther(reply, `${eventPath(ctx, `/registrations/${reference.toUpperCase()}`)}?done=${queued ? how.sent : how.notSent}`);
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== how.refusal) throw error;
      const problem = formProblem(error, ctx.locale);
      sendAdminHtml(reply, renderRegistrationPage(ctx, { detail: await this.registrations.detail(ctx.event, reference), problem }), ctx.locale, problem.status);
    }
  }
}

/** The notices of a resend by each channel, and the refusal that shows on the registration's page. */
const RESEND: Record<'email' | 'sms', { sent: RegistrationNotice; notSent: RegistrationNotice; refusal: string }> = {
  email: { sent: 'resent', notSent: 'already-sent', refusal: 'REGISTRATION_WITHOUT_EMAIL' },
  sms: { sent: 'sms-sent', notSent: 'sms-not-sent', refusal: 'REGISTRATION_WITHOUT_PHONE' },
};
