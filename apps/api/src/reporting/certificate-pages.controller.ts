import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as QRCode from 'qrcode';
import { Locale, RateLimit } from '@palabre/platform';
import { MANAGE_LIMITS } from '@palabre/registration';
import { CertificatesService } from '@palabre/reporting';
import { pageContext } from '../home/page-context';
import { UuidParam } from '../common/uuid.pipe';
import { renderCertificatePage, renderCertificatesPage, renderVerificationPage } from './certificate-pages';

/** Personal pages: never cached, never indexed, and a link followed from them tells no other site where it came from. */
function sendPrivate(reply: FastifyReply, html: string, locale: Locale, status = 200): void {
  void reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', locale)
    .header('cache-control', 'private, no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex')
    .send(html);
}

/**
 * Certificates of attendance: the participant's list and printable certificates, opened by
 * the manage token (`/r/{token}/attestations`), and the public page their link and QR code
 * lead to (`/verifier/{proof}`), which confirms a genuine one and refuses any other.
 */
@ApiExcludeController()
@Controller()
export class CertificatePagesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('r/:token/attestations')
  @RateLimit(...MANAGE_LIMITS)
  async list(@Param('token') token: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale, path } = pageContext(req, reply);
    const { event, certificates } = await this.certificates.forToken(token);
    sendPrivate(reply, renderCertificatesPage(token, event, certificates, locale, path), locale);
  }

  @Get('r/:token/attestations/:sessionId')
  @RateLimit(...MANAGE_LIMITS)
  async one(@Param('token') token: string, @UuidParam('sessionId') sessionId: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale, path } = pageContext(req, reply);
    const certificate = await this.certificates.oneForToken(token, sessionId);
    const qr = await QRCode.toString(certificate.verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    sendPrivate(reply, renderCertificatePage(token, certificate, qr, locale, path), locale);
  }

  /** 200 for a genuine certificate, 410 when its person's data was erased since, 404 for anything else. */
  @Get('verifier/:proof')
  async verify(@Param('proof') proof: string, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { locale, path } = pageContext(req, reply);
    const verification = await this.certificates.verify(proof);
    const status = verification.status === 'valid' ? 200 : verification.status === 'erased' ? 410 : 404;
    sendPrivate(reply, renderVerificationPage(verification, locale, path), locale, status);
  }
}
