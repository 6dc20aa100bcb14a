import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { byClientIp, Locale, RateLimit } from '@palabre/platform';
import {
  ChooseSessionsDto,
  MANAGE_LIMITS,
  ParticipantRegistrations,
  RegisterDto,
  RegisterParticipant,
  REGISTRATION_LIMITS,
  UpdateParticipantDto,
  VerifySmsCode,
} from '@palabre/registration';
import { formProblem, seeOther } from '../admin/admin-context';
import { FormFields } from '../common/form-fields';
import { pageContext } from '../home/page-context';
import { withLang } from '../program/public-common.model';
import { validForm } from '../program-admin/form-check';
import { filledByRobot, FormBody, formValues, RegistrationFormValues, registerBody, updateBody } from './registration-form';
import { PARTICIPANT_NOTICES, ParticipantNotice, ParticipantSection } from './registration-pages.model';
import { RegistrationPagesService } from './registration-pages.service';

/**
 * Pages a manage token opens: the token is in the path, so they are never cached and never
 * tell another site where the reader came from (a link followed from the page carries no
 * referrer). Set before anything else answers (a 404, a 429 included).
 */
export function tokenPageHeaders(req: FastifyRequest, reply: FastifyReply): void {
  if (req.url.startsWith('/r/')) {
    void reply.header('referrer-policy', 'no-referrer').header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex');
  }
}

function sendPage(reply: FastifyReply, html: string, locale: Locale, status = 200): void {
  void reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', locale)
    .header('cache-control', reply.getHeader('cache-control') ?? 'no-store')
    .send(html);
}

/**
 * The participant's side of registration, without JavaScript: the public form
 * (`/e/{slug}/inscription`) and the page a manage token opens (`/r/{token}`), whose forms post
 * to `/r/{token}/…` and come back with a 303. A refusal shows the page again with the error
 * beside its field and what was typed.
 */
@ApiExcludeController()
@Controller()
export class RegistrationPagesController {
  constructor(
    private readonly pages: RegistrationPagesService,
    private readonly register: RegisterParticipant,
    private readonly participants: ParticipantRegistrations,
    private readonly verifySmsCode: VerifySmsCode,
  ) {}

  @Get('e/:slug/inscription')
  async form(@Param('slug') slug: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale } = pageContext(req, reply);
    sendPage(reply, await this.pages.formPage(await this.pages.event(slug), locale), locale);
  }

  /** Registers; a filled honeypot answers like a registration by email and stores nothing. */
  @Post('e/:slug/inscription')
  @RateLimit(...REGISTRATION_LIMITS)
  async submit(@Param('slug') slug: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale } = pageContext(req, reply);
    const event = await this.pages.event(slug);
    if (filledByRobot(body)) return sendPage(reply, this.pages.checkEmailPage(event, locale), locale);
    const values = formValues(body, event.questions);
    try {
      const dto = await validForm(RegisterDto, { body: registerBody(values, event.questions, locale) });
      const outcome = await this.register.execute(slug, dto, { clientAddress: byClientIp(req) });
      if ('manageToken' in outcome) return seeOther(reply, withLang(`/r/${outcome.manageToken}`, locale));
      if (outcome.status === 'check_phone') return sendPage(reply, this.pages.checkPhonePage(event, locale, outcome.verificationId), locale);
      sendPage(reply, this.pages.checkEmailPage(event, locale), locale);
    } catch (error) {
      const problem = formProblem(error, locale);
      sendPage(reply, await this.pages.formPage(event, locale, { values, problem }), locale, problem.status);
    }
  }

  /** The code received by SMS: right, the participant's page (confirmed); wrong, this page again with the refusal beside the field. */
  @Post('e/:slug/inscription/code')
  @RateLimit(...MANAGE_LIMITS)
  async code(@Param('slug') slug: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale } = pageContext(req, reply);
    const event = await this.pages.event(slug);
    const verification = typeof body.verification === 'string' ? body.verification : '';
    try {
      const { token } = await this.verifySmsCode.execute(verification, typeof body.code === 'string' ? body.code : '');
      seeOther(reply, `${withLang(`/r/${token}`, locale)}${locale === 'fr' ? '?' : '&'}fait=confirmee`);
    } catch (error) {
      const problem = formProblem(error, locale);
      sendPage(reply, this.pages.checkPhonePage(event, locale, verification, problem), locale, problem.status);
    }
  }

  @Get('r/:token')
  @RateLimit(...MANAGE_LIMITS)
  async page(@Param('token') token: string, @Query('fait') done: unknown, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale } = pageContext(req, reply);
    sendPage(reply, await this.pages.participantPage(token, locale, { notice: PARTICIPANT_NOTICES.find((n) => n === done) }), locale);
  }

  /** The emailed link only shows the page (mail scanners open links): confirming is this POST. */
  @Post('r/:token/confirmer')
  @RateLimit(...MANAGE_LIMITS)
  async confirm(@Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.change(req, reply, token, 'status', 'confirmee', () => this.participants.confirm(token));
  }

  @Post('r/:token/coordonnees')
  @RateLimit(...MANAGE_LIMITS)
  async details(@Param('token') token: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { event } = await this.participants.byToken(token);
    const values = formValues(body, event.questions);
    await this.change(
      req,
      reply,
      token,
      'details',
      'coordonnees',
      async () => this.participants.update(token, await validForm(UpdateParticipantDto, { body: updateBody(values, event.questions) })),
      values,
    );
  }

  @Post('r/:token/ateliers')
  @RateLimit(...MANAGE_LIMITS)
  async workshops(@Param('token') token: string, @FormFields() body: FormBody, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { sessionIds } = formValues(body, []);
    await this.change(req, reply, token, 'workshops', 'ateliers', async () =>
      this.participants.chooseSessions(token, (await validForm(ChooseSessionsDto, { body: { sessionIds } })).sessionIds),
    );
  }

  @Get('r/:token/annuler')
  @RateLimit(...MANAGE_LIMITS)
  async cancelStep(@Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale } = pageContext(req, reply);
    sendPage(reply, await this.pages.confirmStep(token, locale, 'cancel'), locale);
  }

  @Post('r/:token/annuler')
  @RateLimit(...MANAGE_LIMITS)
  async cancel(@Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    await this.change(req, reply, token, 'status', 'annulee', () => this.participants.cancel(token));
  }

  @Get('r/:token/effacer')
  @RateLimit(...MANAGE_LIMITS)
  async eraseStep(@Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale } = pageContext(req, reply);
    sendPage(reply, await this.pages.confirmStep(token, locale, 'erase'), locale);
  }

  /** Erases; the link stops working, so the answer is a page of its own rather than a way back. */
  @Post('r/:token/effacer')
  @RateLimit(...MANAGE_LIMITS)
  async erase(@Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale } = pageContext(req, reply);
    sendPage(reply, this.pages.erasedPage(await this.participants.erase(token), locale), locale);
  }

  /** One change of the participant's page: 303 back with its notice, or the page again with the refusal in its section. */
  private async change(
    req: FastifyRequest,
    reply: FastifyReply,
    token: string,
    section: ParticipantSection,
    done: ParticipantNotice,
    work: () => Promise<unknown>,
    values?: RegistrationFormValues,
  ) {
    const { locale } = pageContext(req, reply);
    try {
      await work();
    } catch (error) {
      const problem = formProblem(error, locale);
      return sendPage(reply, await this.pages.participantPage(token, locale, { problem: { section, problem }, values }), locale, problem.status);
    }
    seeOther(reply, `${withLang(`/r/${token}`, locale)}${locale === 'fr' ? '?' : '&'}fait=${done}`);
  }
}
