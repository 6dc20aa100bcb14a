import { Body, Controller, Get, Header, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';

import {
  AddRegistrationDto,
  AnonymizedResponse,
  LinkResentResponse,
  OrganizerRegistrationDetailResponse,
  OrganizerRegistrationPageResponse,
  OrganizerRegistrations,
  RegistrationsFilterDto,
  RegistrationSummaryResponse,
  toOrganizerRegistrationDetailResponse,
  toOrganizerRegistrationPageResponse,
  toRegistrationSummaryResponse,
} from '@palabre/registration';
import { ApiOkDocument } from '../common/api-document';
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { ApiRoute } from '../common/api-route';

/**
 * The organizers' side of an event's registrations (api.md, "Organizers"): the list and its
 * export, one registration with its history, the desk's additions, cancelling and resending on
 * a participant's behalf, the dashboard's counts and the anonymization after the event.
 * `POST …/registrations` itself is the public form's route (RegistrationsApiController).
 */
@ApiTags('organizer: registrations')
@ApiBearerAuth()
@Controller('api/v1/events/:slug/registrations')
export class OrganizerRegistrationsController {
  constructor(private readonly registrations: OrganizerRegistrations) {}

  @Get()
  @ApiRoute({
    summary: 'The event’s registrations, newest first, filtered and paginated',
    permission: 'registrations:read',
    ok: OrganizerRegistrationPageResponse,
    problems: [400],
  })
  async list(@OrganizerEvent() { event }: OrganizerEventContext, @Query() query: RegistrationsFilterDto) {
    return toOrganizerRegistrationPageResponse(await this.registrations.list(event, query));
  }

  @Get('summary')
  @ApiRoute({
    summary: 'Counts for the dashboard: by status, seats, waiting list, workshops, registrations per day',
    permission: 'registrations:read',
    ok: RegistrationSummaryResponse,
  })
  async summary(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toRegistrationSummaryResponse(await this.registrations.summary(event));
  }

  @Post('desk')
  @ApiRoute({
    summary: 'Adds someone by hand at the desk: email optional, any time; confirmed at once while a seat is left',
    permission: 'registrations:add',
    created: OrganizerRegistrationDetailResponse,
    problems: [400, 409],
  })
  async add(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Body() dto: AddRegistrationDto) {
    return toOrganizerRegistrationDetailResponse(await this.registrations.add(event, dto, actor));
  }

  @Post('anonymize')
  @ApiRoute({
    summary: 'After the event: erases every registration’s personal data, keeping the figures (rule 10)',
    permission: 'registrations:write',
    ok: AnonymizedResponse,
    problems: [409],
  })
  async anonymize(@OrganizerEvent() { event, actor }: OrganizerEventContext) {
    return this.registrations.anonymize(event, actor);
  }

  @Get(':reference')
  @ApiRoute({ summary: 'One registration with its workshops, consent and history', permission: 'registrations:read', ok: OrganizerRegistrationDetailResponse })
  async detail(@OrganizerEvent() { event }: OrganizerEventContext, @Param('reference') reference: string) {
    return toOrganizerRegistrationDetailResponse(await this.registrations.detail(event, reference));
  }

  @Post(':reference/cancel')
  @ApiRoute({
    summary: 'Cancels on the participant’s behalf: the seat goes to the waiting list; the participant is emailed',
    permission: 'registrations:write',
    ok: OrganizerRegistrationDetailResponse,
  })
  async cancel(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Param('reference') reference: string) {
    return toOrganizerRegistrationDetailResponse(await this.registrations.cancel(event, reference, actor));
  }

  @Post(':reference/resend')
  @ApiRoute({
    summary: 'Emails the participant their link again, with their current status (once an hour at most)',
    permission: 'registrations:write',
    accepted: LinkResentResponse,
    problems: [409],
  })
  async resend(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Param('reference') reference: string) {
    return this.registrations.resend(event, reference, actor);
  }

  @Post(':reference/resend-sms')
  @ApiRoute({
    summary: 'Texts the participant again: the ticket once confirmed (else the message of their status), once an hour at most',
    permission: 'registrations:write',
    accepted: { type: LinkResentResponse, description: '`queued` false: already sent this hour, or an SMS limit refused it (the SMS log says which)' },
    problems: [409],
  })
  async resendSms(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Param('reference') reference: string) {
    return this.registrations.resendSms(event, reference, actor);
  }
}

/** `registrations.csv` sits beside `registrations/…`, so it has a controller path of its own. */
@ApiTags('organizer: registrations')
@ApiBearerAuth()
@Controller('api/v1/events/:slug')
export class RegistrationsExportController {
  constructor(private readonly registrations: OrganizerRegistrations) {}

  @Get('registrations.csv')
  @ApiRoute({ summary: 'The registrations as CSV, with the list’s filters', permission: 'registrations:read', problems: [400] })
  @Header('cache-control', 'private, no-store')
  @ApiOkDocument('text/csv', 'UTF-8 with a byte order mark (Excel), one column per custom question; formula-like cells neutralized')
  export(@OrganizerEvent() { event, locale }: OrganizerEventContext, @Query() query: RegistrationsFilterDto) {
    const lines = this.registrations.exportCsv(event, query, query.lang ?? locale);
    return new StreamableFile(Readable.from(lines), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${event.slug}-inscriptions.csv"`,
    });
  }
}
