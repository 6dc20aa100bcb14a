import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { ApiProblems, Authenticated } from '@palabre/platform';
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
  @Authenticated('registrations:read')
  @ApiOkResponse({ type: OrganizerRegistrationPageResponse })
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: 'The event’s registrations, newest first, filtered and paginated' })
  async list(@OrganizerEvent() { event }: OrganizerEventContext, @Query() query: RegistrationsFilterDto) {
    return toOrganizerRegistrationPageResponse(await this.registrations.list(event, query));
  }

  @Get('summary')
  @Authenticated('registrations:read')
  @ApiOkResponse({ type: RegistrationSummaryResponse })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'Counts for the dashboard: by status, seats, waiting list, workshops, registrations per day' })
  async summary(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toRegistrationSummaryResponse(await this.registrations.summary(event));
  }

  @Post('desk')
  @Authenticated('registrations:add')
  @ApiCreatedResponse({ type: OrganizerRegistrationDetailResponse })
  @ApiProblems(400, 401, 403, 404, 409)
  @ApiOperation({ summary: 'Adds someone by hand at the desk: email optional, any time; confirmed at once while a seat is left' })
  async add(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Body() dto: AddRegistrationDto) {
    return toOrganizerRegistrationDetailResponse(await this.registrations.add(event, dto, actor));
  }

  @Post('anonymize')
  @HttpCode(200)
  @Authenticated('registrations:write')
  @ApiOkResponse({ type: AnonymizedResponse })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'After the event: erases every registration’s personal data, keeping the figures (rule 10)' })
  async anonymize(@OrganizerEvent() { event, actor }: OrganizerEventContext) {
    return this.registrations.anonymize(event, actor);
  }

  @Get(':reference')
  @Authenticated('registrations:read')
  @ApiOkResponse({ type: OrganizerRegistrationDetailResponse })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'One registration with its workshops, consent and history' })
  async detail(@OrganizerEvent() { event }: OrganizerEventContext, @Param('reference') reference: string) {
    return toOrganizerRegistrationDetailResponse(await this.registrations.detail(event, reference));
  }

  @Post(':reference/cancel')
  @HttpCode(200)
  @Authenticated('registrations:write')
  @ApiOkResponse({ type: OrganizerRegistrationDetailResponse })
  @ApiProblems(401, 403, 404)
  @ApiOperation({ summary: 'Cancels on the participant’s behalf: the seat goes to the waiting list; the participant is emailed' })
  async cancel(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Param('reference') reference: string) {
    return toOrganizerRegistrationDetailResponse(await this.registrations.cancel(event, reference, actor));
  }

  @Post(':reference/resend')
  @HttpCode(202)
  @Authenticated('registrations:write')
  @ApiAcceptedResponse({ type: LinkResentResponse })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'Emails the participant their link again, with their current status (once an hour at most)' })
  async resend(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Param('reference') reference: string) {
    return this.registrations.resend(event, reference, actor);
  }

  @Post(':reference/resend-sms')
  @HttpCode(202)
  @Authenticated('registrations:write')
  @ApiAcceptedResponse({ type: LinkResentResponse, description: '`queued` false: already sent this hour, or an SMS limit refused it (the SMS log says which)' })
  @ApiProblems(401, 403, 404, 409)
  @ApiOperation({ summary: 'Texts the participant again: the ticket once confirmed (else the message of their status), once an hour at most' })
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
  @Authenticated('registrations:read')
  @Header('cache-control', 'private, no-store')
  @ApiOkDocument('text/csv', 'UTF-8 with a byte order mark (Excel), one column per custom question; formula-like cells neutralized')
  @ApiProblems(400, 401, 403, 404)
  @ApiOperation({ summary: 'The registrations as CSV, with the list’s filters' })
  export(@OrganizerEvent() { event, locale }: OrganizerEventContext, @Query() query: RegistrationsFilterDto) {
    const lines = this.registrations.exportCsv(event, query, query.lang ?? locale);
    return new StreamableFile(Readable.from(lines), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${event.slug}-inscriptions.csv"`,
    });
  }
}
