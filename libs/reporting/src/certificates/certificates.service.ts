import { Injectable } from '@nestjs/common';
import { AppConfig, Localized, PlatformError } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { OrganizationsService } from '@palabre/identity';
import { PublishedProgramService, ReleasedSession } from '@palabre/program';
import { AttendanceRecords, ParticipantRegistrations, SessionAttendance } from '@palabre/registration';
import { CertificateKey } from './certificate-key';
import { readCertificateProof, signCertificate } from './certificate-proof';

/** A certificate of attendance: this person came through this session's door, at this event of this organization. */
export interface Certificate {
  /** `{id}.{signature}`, the last segment of the verify link. */
  proof: string;
  verifyUrl: string;
  name: string;
  session: { id: string; title: Localized; startsAt: string | null; endsAt: string | null; room: string | null };
  event: { slug: string; title: Localized; timeZone: string };
  organizationName: string;
  checkedInAt: Date;
}

/** What a verify link shows: the certificate, or why it cannot be confirmed. */
export type Verification =
  | { status: 'valid'; certificate: Certificate }
  /** Signed by us, but the participant's data has since been erased (by them, or after the event). */
  | { status: 'erased' }
  /** Forged, altered, or no such check-in. */
  | { status: 'invalid' };

const WITHDRAWN: Localized = { fr: 'Session retirée du programme', en: 'Session no longer in the programme' };

/** `/verifier/{proof}`, the public page a certificate's link and QR code lead to. */
export const verifyPath = (proof: string) => `/verifier/${proof}`;

/**
 * Certificates of attendance for the sessions a participant was checked in at. Nothing is
 * stored: a certificate is the check-in row, named by a proof signed with the server's key;
 * verifying reads that row again, so a forged or altered link confirms nothing.
 */
@Injectable()
export class CertificatesService {
  constructor(
    private readonly participants: ParticipantRegistrations,
    private readonly attendance: AttendanceRecords,
    private readonly events: EventsService,
    private readonly organizations: OrganizationsService,
    private readonly program: PublishedProgramService,
    private readonly key: CertificateKey,
    private readonly config: AppConfig,
  ) {}

  /** The participant's certificates (REGISTRATION_NOT_FOUND for a token that opens nothing), in the order of the check-ins. */
  async forToken(token: string): Promise<{ event: EventView; certificates: Certificate[] }> {
    const r = await this.participants.byToken(token);
    const rows = await this.attendance.ofRegistration(r.id);
    return { event: r.event, certificates: await this.certificates(r.event, rows) };
  }

  /** One of them; NOT_FOUND when the participant was not checked in at that session's door. */
  async oneForToken(token: string, sessionId: string): Promise<Certificate> {
    const { certificates } = await this.forToken(token);
    const found = certificates.find((c) => c.session.id === sessionId);
    if (!found) throw new PlatformError('NOT_FOUND');
    return found;
  }

  async verify(proof: string): Promise<Verification> {
    const subject = readCertificateProof(this.key.get(), proof);
    if (!subject) return { status: 'invalid' };
    const row = await this.attendance.one(subject.registrationId, subject.sessionId);
    if (!row) return { status: 'invalid' };
    if (row.erased) return { status: 'erased' };
    const [certificate] = await this.certificates(await this.events.getById(row.eventId), [row]);
    return { status: 'valid', certificate };
  }

  private async certificates(event: EventView, rows: SessionAttendance[]): Promise<Certificate[]> {
    if (rows.length === 0) return [];
    const sessions = new Map((await this.program.sessions(event.id)).map((s) => [s.id, s]));
    const organization = await this.organizations.findById(event.organizationId);
    return rows.filter((row) => !row.erased).map((row) => this.certificate(row, event, sessions.get(row.sessionId) ?? null, organization?.name ?? ''));
  }

  private certificate(row: SessionAttendance, event: EventView, s: ReleasedSession | null, organizationName: string): Certificate {
    const proof = signCertificate(this.key.get(), row);
    return {
      proof,
      verifyUrl: `${this.config.publicUrl}${verifyPath(proof)}`,
      name: `${row.firstName} ${row.lastName}`.trim(),
      session: { id: row.sessionId, title: s?.title ?? WITHDRAWN, startsAt: s?.startsAt ?? null, endsAt: s?.endsAt ?? null, room: s?.room?.name ?? null },
      event: { slug: event.slug, title: event.title, timeZone: event.timeZone },
      organizationName,
      checkedInAt: row.checkedInAt,
    };
  }
}
