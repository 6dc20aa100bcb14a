import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Put, Patch, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblems, AppConfig, byClientIp, Clock, PlatformError, RateLimit } from '@palabre/platform';
import { ticketSvg } from './ticket';
import {
  ChooseSessionsDto,
  MANAGE_LIMITS,
  ParticipantDataResponse,
  participantCalendar,
  ParticipantRegistrationResponse,
  ParticipantRegistrations,
  RegisterDto,
  RegisterParticipant,
  REGISTRATION_LIMITS,
  RegistrationCheckEmailResponse,
  RegistrationCreatedResponse,
  SmsCodeAcceptedResponse,
  SmsCodeDto,
  RegistrationStatusResponse,
  toParticipantDataResponse,
  toParticipantRegistrationResponse,
  toRegistrationOutcomeResponse,
  UpdateParticipantDto,
  VerifySmsCode,
} from '@palabre/registration';

/** What an Idempotency-Key may look like (a UUID, or any short token of safe characters). */
const IDEMPOTENCY_KEY = /^[\w.:-]{8,128}$/;

/** Routes whose bodies are a few hundred bytes: Fastify refuses more than 16 KB (413) before parsing. */
export const SMALL_BODY_ROUTES = new Set([
  '/api/v1/events/:slug/registrations',
  '/e/:slug/inscription',
  '/e/:slug/inscription/code',
  '/api/v1/registrations/sms-codes/:verificationId',
  // The participant's page's forms (registration-pages.controller.ts).
  ...['confirmer', 'coordonnees', 'ateliers', 'annuler', 'effacer'].map((action) => `/r/:token/${action}`),
]);

/** Public registration and the participant's own registration, opened by its manage token (api.md). */
@ApiTags('registration')
@ApiExtraModels(RegistrationCreatedResponse, RegistrationCheckEmailResponse)
@Controller('api/v1')
export class RegistrationsApiController {
  constructor(
    private readonly register: RegisterParticipant,
    private readonly participants: ParticipantRegistrations,
    private readonly verifySmsCode: VerifySmsCode,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Post('events/:slug/registrations')
  @RateLimit(...REGISTRATION_LIMITS)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat with the same key answers the first answer for 24 hours' })
  @ApiCreatedResponse({ type: RegistrationCreatedResponse, description: 'A new registration, when the event asks no email confirmation' })
  @ApiAcceptedResponse({
    schema: { oneOf: [{ $ref: getSchemaPath(RegistrationCheckEmailResponse) }] },
    description:
      'Check your messages: the event confirms by email, or this person was already registered (the answers look alike). ' +
      'With a phone and no email the message is a code by SMS (new or duplicate alike), entered at the `Location` given',
    headers: {
      Location: {
        description: 'With a phone and no email: `/api/v1/registrations/sms-codes/{verificationId}`, where to post the code',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems(400, 404, 409, 413, 422, 429)
  @ApiOperation({ summary: 'Registers a participant: a seat, or a place on the waiting list' })
  async create(
    @Param('slug') slug: string,
    @Body() dto: RegisterDto,
    @Headers('idempotency-key') key: string | undefined,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
      throw new PlatformError('VALIDATION_FAILED', {}, [
        { field: 'Idempotency-Key', message: { fr: '8 à 128 lettres, chiffres ou « . _ : - ».', en: '8 to 128 letters, digits or “. _ : -”.' } },
      ]);
    }
    const outcome = await this.register.execute(slug, dto, { idempotencyKey: key, clientAddress: byClientIp(req) });
    if (outcome.status === 'check_phone') void reply.header('location', `/api/v1/registrations/sms-codes/${outcome.verificationId}`);
    const body = toRegistrationOutcomeResponse(outcome);
    void reply.status(body.status === 'check_email' ? 202 : 201);
    return body;
  }

  @Post('registrations/sms-codes/:verificationId')
  @HttpCode(200)
  @RateLimit(...MANAGE_LIMITS)
  @ApiOkResponse({ type: SmsCodeAcceptedResponse })
  @ApiProblems(400, 404, 410, 429)
  @ApiOperation({
    summary: 'The code received by SMS (six digits, ten minutes, five attempts): confirms a pending registration and answers a manage token',
  })
  async smsCode(@Param('verificationId') verificationId: string, @Body() dto: SmsCodeDto): Promise<SmsCodeAcceptedResponse> {
    const { registration, token } = await this.verifySmsCode.execute(verificationId, dto.code);
    return { reference: registration.reference, status: registration.status, manageToken: token };
  }

  @Get('registrations/:token')
  @RateLimit(...MANAGE_LIMITS)
  @ApiOkResponse({ type: ParticipantRegistrationResponse })
  @ApiProblems(404, 429)
  @ApiOperation({ summary: 'The registration its token opens' })
  async get(@Param('token') token: string) {
    return toParticipantRegistrationResponse(await this.participants.byToken(token));
  }

  @Patch('registrations/:token')
  @RateLimit(...MANAGE_LIMITS)
  @ApiOkResponse({ type: ParticipantRegistrationResponse })
  @ApiProblems(400, 404, 409, 429)
  @ApiOperation({ summary: 'Corrects the participant’s details (not the email)' })
  async update(@Param('token') token: string, @Body() dto: UpdateParticipantDto) {
    return toParticipantRegistrationResponse(await this.participants.update(token, dto));
  }

  @Post('registrations/:token/confirm')
  @HttpCode(200)
  @RateLimit(...MANAGE_LIMITS)
  @ApiOkResponse({ type: RegistrationStatusResponse })
  @ApiProblems(404, 409, 429)
  @ApiOperation({ summary: 'Confirms a pending registration (double opt-in): confirmed, or waitlisted when full' })
  async confirm(@Param('token') token: string) {
    return { status: (await this.participants.confirm(token)).status };
  }

  @Post('registrations/:token/cancel')
  @HttpCode(200)
  @RateLimit(...MANAGE_LIMITS)
  @ApiOkResponse({ type: RegistrationStatusResponse })
  @ApiProblems(404, 429)
  @ApiOperation({ summary: 'Cancels; the seat goes to the head of the waiting list' })
  async cancel(@Param('token') token: string) {
    return { status: (await this.participants.cancel(token)).status };
  }

  @Put('registrations/:token/sessions')
  @RateLimit(...MANAGE_LIMITS)
  @ApiOkResponse({ type: ParticipantRegistrationResponse })
  @ApiProblems(400, 404, 409, 429)
  @ApiOperation({ summary: 'The workshops the participant signs up for, each within its seats (or on its waiting list)' })
  async sessions(@Param('token') token: string, @Body() dto: ChooseSessionsDto) {
    return toParticipantRegistrationResponse(await this.participants.chooseSessions(token, dto.sessionIds));
  }

  @Get('registrations/:token/ticket.svg')
  @RateLimit(...MANAGE_LIMITS)
  @ApiOkResponse({ description: 'The QR code of the ticket code (SVG)', content: { 'image/svg+xml': { schema: { type: 'string' } } } })
  @ApiProblems(404, 409, 429)
  @ApiOperation({ summary: 'The ticket’s QR code, once confirmed' })
  async ticket(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const r = await this.participants.byToken(token);
    if (!r.ticketCode) throw new PlatformError('NOT_FOUND');
    void reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'private, no-store');
    return ticketSvg(r.ticketCode);
  }

  @Get('registrations/:token/calendar.ics')
  @RateLimit(...MANAGE_LIMITS)
  @ApiOkResponse({
    description: 'The participant’s agenda (RFC 5545): the event and the workshops they hold a seat in',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiProblems(404, 429)
  @ApiOperation({ summary: 'The participant’s own agenda as iCalendar' })
  async calendar(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const r = await this.participants.byToken(token);
    void reply
      .header('content-type', 'text/calendar; charset=utf-8; method=PUBLISH')
      .header('content-disposition', `attachment; filename="${r.event.slug}.ics"`)
      .header('cache-control', 'private, no-store');
    return participantCalendar(r, this.config.publicUrl, this.clock.now());
  }

  @Get('registrations/:token/data')
  @RateLimit(...MANAGE_LIMITS)
  @ApiOkResponse({ type: ParticipantDataResponse, description: 'Downloaded as a file (Content-Disposition: attachment)' })
  @ApiProblems(404, 429)
  @ApiOperation({ summary: 'Every piece of personal data kept about the participant: registration, answers, consent, workshops, history' })
  async data(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const data = toParticipantDataResponse(await this.participants.personalData(token));
    void reply.header('content-disposition', `attachment; filename="inscription-${data.reference}.json"`).header('cache-control', 'private, no-store');
    return data;
  }

  @Delete('registrations/:token')
  @HttpCode(204)
  @RateLimit(...MANAGE_LIMITS)
  @ApiNoContentResponse({ description: 'Personal data erased; the registration is cancelled and the link stops working' })
  @ApiProblems(404, 429)
  @ApiOperation({ summary: 'Erases the participant’s personal data (the seat goes to the waiting list)' })
  async erase(@Param('token') token: string) {
    await this.participants.erase(token);
  }
}
