import { Body, Controller, Delete, Get, Headers, Param, Post, Put, Patch, Req, Res } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig, byClientIp, Clock, PlatformError, RateLimit } from '@palabre/platform';
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
  RegistrationStatusResponse,
  SmsCodeAcceptedResponse,
  SmsCodeDto,
  toParticipantDataResponse,
  toParticipantRegistrationResponse,
  toRegistrationOutcomeResponse,
  UpdateParticipantDto,
  VerifySmsCode,
} from '@palabre/registration';
import { ApiRoute } from '../common/api-route';

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
  @ApiRoute({
    summary: 'Registers a participant: a seat, or a place on the waiting list',
    created: { type: RegistrationCreatedResponse, description: 'A new registration, when the event asks no email confirmation' },
    accepted: {
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
    },
    problems: [400, 404, 409, 413, 422, 429],
  })
  @RateLimit(...REGISTRATION_LIMITS)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat with the same key answers the first answer for 24 hours' })
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
  @ApiRoute({
    summary: 'The code received by SMS (six digits, ten minutes, five attempts): confirms a pending registration and answers a manage token',
    ok: SmsCodeAcceptedResponse,
    problems: [400, 404, 410, 429],
  })
  @RateLimit(...MANAGE_LIMITS)
  async smsCode(@Param('verificationId') verificationId: string, @Body() dto: SmsCodeDto): Promise<SmsCodeAcceptedResponse> {
    const { registration, token } = await this.verifySmsCode.execute(verificationId, dto.code);
    return { reference: registration.reference, status: registration.status, manageToken: token };
  }

  @Get('registrations/:token')
  @ApiRoute({ summary: 'The registration its token opens', ok: ParticipantRegistrationResponse, problems: [404, 429] })
  @RateLimit(...MANAGE_LIMITS)
  async get(@Param('token') token: string) {
    return toParticipantRegistrationResponse(await this.participants.byToken(token));
  }

  @Patch('registrations/:token')
  @ApiRoute({ summary: 'Corrects the participant’s details (not the email)', ok: ParticipantRegistrationResponse, problems: [400, 404, 409, 429] })
  @RateLimit(...MANAGE_LIMITS)
  async update(@Param('token') token: string, @Body() dto: UpdateParticipantDto) {
    return toParticipantRegistrationResponse(await this.participants.update(token, dto));
  }

  @Post('registrations/:token/confirm')
  @ApiRoute({
    summary: 'Confirms a pending registration (double opt-in): confirmed, or waitlisted when full',
    ok: RegistrationStatusResponse,
    problems: [404, 409, 429],
  })
  @RateLimit(...MANAGE_LIMITS)
  async confirm(@Param('token') token: string) {
    return { status: (await this.participants.confirm(token)).status };
  }

  @Post('registrations/:token/cancel')
  @ApiRoute({ summary: 'Cancels; the seat goes to the head of the waiting list', ok: RegistrationStatusResponse, problems: [404, 429] })
  @RateLimit(...MANAGE_LIMITS)
  async cancel(@Param('token') token: string) {
    return { status: (await this.participants.cancel(token)).status };
  }

  @Put('registrations/:token/sessions')
  @ApiRoute({
    summary: 'The workshops the participant signs up for, each within its seats (or on its waiting list)',
    ok: ParticipantRegistrationResponse,
    problems: [400, 404, 409, 429],
  })
  @RateLimit(...MANAGE_LIMITS)
  async sessions(@Param('token') token: string, @Body() dto: ChooseSessionsDto) {
    return toParticipantRegistrationResponse(await this.participants.chooseSessions(token, dto.sessionIds));
  }

  @Get('registrations/:token/ticket.svg')
  @ApiRoute({
    summary: 'The ticket’s QR code, once confirmed',
    ok: { description: 'The QR code of the ticket code (SVG)', content: { 'image/svg+xml': { schema: { type: 'string' } } } },
    problems: [404, 409, 429],
  })
  @RateLimit(...MANAGE_LIMITS)
  async ticket(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const r = await this.participants.byToken(token);
    if (!r.ticketCode) throw new PlatformError('NOT_FOUND');
    void reply.header('content-type', 'image/svg+xml; charset=utf-8').header('cache-control', 'private, no-store');
    return ticketSvg(r.ticketCode);
  }

  @Get('registrations/:token/calendar.ics')
  @ApiRoute({
    summary: 'The participant’s own agenda as iCalendar',
    ok: {
      description: 'The participant’s agenda (RFC 5545): the event and the workshops they hold a seat in',
      content: { 'text/calendar': { schema: { type: 'string' } } },
    },
    problems: [404, 429],
  })
  @RateLimit(...MANAGE_LIMITS)
  async calendar(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const r = await this.participants.byToken(token);
    void reply
      .header('content-type', 'text/calendar; charset=utf-8; method=PUBLISH')
      .header('content-disposition', `attachment; filename="${r.event.slug}.ics"`)
      .header('cache-control', 'private, no-store');
    return participantCalendar(r, this.config.publicUrl, this.clock.now());
  }

  @Get('registrations/:token/data')
  @ApiRoute({
    summary: 'Every piece of personal data kept about the participant: registration, answers, consent, workshops, history',
    ok: { type: ParticipantDataResponse, description: 'Downloaded as a file (Content-Disposition: attachment)' },
    problems: [404, 429],
  })
  @RateLimit(...MANAGE_LIMITS)
  async data(@Param('token') token: string, @Res({ passthrough: true }) reply: FastifyReply) {
    const data = toParticipantDataResponse(await this.participants.personalData(token));
    void reply.header('content-disposition', `attachment; filename="inscription-${data.reference}.json"`).header('cache-control', 'private, no-store');
    return data;
  }

  @Delete('registrations/:token')
  @ApiRoute({
    summary: 'Erases the participant’s personal data (the seat goes to the waiting list)',
    noContent: 'Personal data erased; the registration is cancelled and the link stops working',
    problems: [404, 429],
  })
  @RateLimit(...MANAGE_LIMITS)
  async erase(@Param('token') token: string) {
    await this.participants.erase(token);
  }
}
