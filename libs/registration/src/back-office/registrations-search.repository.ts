import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { QuestionKind } from '@palabre/events';
import type { Participant, RegistrationStatus } from '../registrations/registration.entity';

/** What the back-office filters by; each predicate is written once, below. */
export interface RegistrationFilter {
  status?: RegistrationStatus;
  q?: string;
  sessionId?: string;
  organizationType?: string;
  region?: string;
  /** An answer to one custom question, read as that question's kind. */
  answer?: { questionId: string; kind: QuestionKind; value: string };
}

/** One registration as the organizers' list and export show it. */
export interface RegistrationRow extends Participant {
  id: string;
  reference: string;
  status: RegistrationStatus;
  waitlistPosition: number | null;
  source: string;
  createdAt: Date;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
  erasedAt: Date | null;
}

/** Where the export's last batch ended (oldest first). */
export interface ExportCursor {
  createdAt: Date;
  id: string;
}

const ACCENTED = 'àâäáãåéèêëíìîïóòôöõúùûüçñÿ';
const PLAIN = 'aaaaaaeeeeiiiiooooouuuucny';

/** Lower case without accents, in SQL (PGlite has no `unaccent`), to compare with `fold()` of the needle. */
const folded = (sql: string) => `translate(lower(${sql}), '${ACCENTED}', '${PLAIN}')`;

/** The needle as `folded()` reads the column: lower case, accents dropped. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/** `%text%` for LIKE, its own wildcards escaped. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const COLUMNS = `r.id, r.reference, r.status,
  CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*)::int FROM registrations w
     WHERE w.event_id = r.event_id AND w.status = 'waitlisted' AND w.waitlist_seq <= r.waitlist_seq) END AS "waitlistPosition",
  r.first_name AS "firstName", r.last_name AS "lastName", r.email, r.phone, r.organization,
  r.organization_type AS "organizationType", r.gender, r.age_group AS "ageGroup", r.region, r.locale, r.answers, r.source,
  r.created_at AS "createdAt", r.confirmed_at AS "confirmedAt", r.cancelled_at AS "cancelledAt", r.erased_at AS "erasedAt"`;

/**
 * The organizers' reads of an event's registrations: the filtered list, its export in
 * batches, and the dashboard's counts. Every query takes the organization and the event.
 */
@Injectable()
export class RegistrationsSearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async page(
    organizationId: string,
    eventId: string,
    filter: RegistrationFilter,
    page: number,
    pageSize: number,
  ): Promise<{ rows: RegistrationRow[]; total: number }> {
    const { where, params } = this.where(organizationId, eventId, filter);
    const [{ n }] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM registrations r WHERE ${where}`, params);
    const rows = await this.dataSource.query<RegistrationRow[]>(
      `SELECT ${COLUMNS} FROM registrations r WHERE ${where} ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { rows, total: n };
  }

  /** The next batch of the export after `after`, oldest first (keyset: rows added meanwhile shift nothing). */
  async batch(organizationId: string, eventId: string, filter: RegistrationFilter, after: ExportCursor | null, size: number): Promise<RegistrationRow[]> {
    const { where, params } = this.where(organizationId, eventId, filter);
    const keyset = after ? ` AND (r.created_at, r.id) > ($${params.length + 1}, $${params.length + 2})` : '';
    const all = after ? [...params, after.createdAt, after.id] : params;
    return this.dataSource.query<RegistrationRow[]>(
      `SELECT ${COLUMNS} FROM registrations r WHERE ${where}${keyset} ORDER BY r.created_at, r.id LIMIT $${all.length + 1}`,
      [...all, size],
    );
  }

  /** The workshops each registration of the list is signed up to (or waits for). */
  async sessionsOf(registrationIds: string[]): Promise<Map<string, { sessionId: string; status: string }[]>> {
    const out = new Map<string, { sessionId: string; status: string }[]>();
    if (registrationIds.length === 0) return out;
    const rows = await this.dataSource.query<{ registration_id: string; session_id: string; status: string }[]>(
      `SELECT registration_id, session_id, status FROM session_signups WHERE registration_id = ANY($1::uuid[]) ORDER BY created_at`,
      [registrationIds],
    );
    for (const r of rows) out.set(r.registration_id, [...(out.get(r.registration_id) ?? []), { sessionId: r.session_id, status: r.status }]);
    return out;
  }

  async countsByStatus(organizationId: string, eventId: string): Promise<Map<RegistrationStatus, number>> {
    const rows = await this.dataSource.query<{ status: RegistrationStatus; n: number }[]>(
      `SELECT status, count(*)::int AS n FROM registrations WHERE organization_id = $1 AND event_id = $2 GROUP BY status`,
      [organizationId, eventId],
    );
    return new Map(rows.map((r) => [r.status, r.n]));
  }

  /** Sign-ups per workshop and state. */
  async signupCounts(organizationId: string, eventId: string): Promise<{ sessionId: string; signedUp: number; waiting: number }[]> {
    return this.dataSource.query(
      `SELECT session_id AS "sessionId", count(*) FILTER (WHERE status = 'signed_up')::int AS "signedUp", count(*) FILTER (WHERE status = 'waitlisted')::int AS waiting
         FROM session_signups WHERE organization_id = $1 AND event_id = $2 GROUP BY session_id`,
      [organizationId, eventId],
    );
  }

  /** New registrations per day in the event's zone (`YYYY-MM-DD`), oldest first. */
  async perDay(organizationId: string, eventId: string, timeZone: string): Promise<{ date: string; count: number }[]> {
    return this.dataSource.query(
      `SELECT to_char(created_at AT TIME ZONE $3::text, 'YYYY-MM-DD') AS date, count(*)::int AS count
         FROM registrations WHERE organization_id = $1 AND event_id = $2 GROUP BY 1 ORDER BY 1`,
      [organizationId, eventId, timeZone],
    );
  }

  /** Up to `size` registrations of the event whose personal data is not erased yet, locked for the caller's transaction. */
  /** Whether the event still holds someone's personal data. */
  async anyNotErased(eventId: string): Promise<boolean> {
    return (await this.dataSource.query<unknown[]>(`SELECT 1 FROM registrations WHERE event_id = $1 AND erased_at IS NULL LIMIT 1`, [eventId])).length > 0;
  }

  async notErased(manager: EntityManager, organizationId: string, eventId: string, size: number): Promise<string[]> {
    const rows = await manager.query<{ id: string }[]>(
      `SELECT id FROM registrations WHERE organization_id = $1 AND event_id = $2 AND erased_at IS NULL ORDER BY id LIMIT $3 FOR UPDATE`,
      [organizationId, eventId, size],
    );
    return rows.map((r) => r.id);
  }

  private where(organizationId: string, eventId: string, f: RegistrationFilter): { where: string; params: unknown[] } {
    const params: unknown[] = [organizationId, eventId];
    const p = (value: unknown) => `$${params.push(value)}`;
    const and = ['r.organization_id = $1', 'r.event_id = $2'];
    if (f.status) and.push(`r.status = ${p(f.status)}`);
    if (f.organizationType) and.push(`r.organization_type = ${p(f.organizationType)}`);
    if (f.region) and.push(`${folded(`coalesce(r.region, '')`)} = ${p(fold(f.region.trim()))}`);
    if (f.sessionId) and.push(`EXISTS (SELECT 1 FROM session_signups s WHERE s.registration_id = r.id AND s.session_id = ${p(f.sessionId)})`);
    if (f.q?.trim()) {
      const needle = p(contains(fold(f.q.trim())));
      const digits = f.q.replace(/[^\d]/g, '');
      const searched = [
        `${folded(`r.first_name || ' ' || r.last_name`)} LIKE ${needle}`,
        `${folded(`r.last_name || ' ' || r.first_name`)} LIKE ${needle}`,
        `lower(coalesce(r.email, '')) LIKE ${needle}`,
        `${folded('r.organization')} LIKE ${needle}`,
        `r.reference = ${p(f.q.trim().toUpperCase().replace(/[\s-]/g, ''))}`,
      ];
      // A phone typed with spaces or dots: its digits within the E.164 number.
      if (digits.length >= 4) searched.push(`r.phone LIKE ${p(contains(digits))}`);
      and.push(`(${searched.join(' OR ')})`);
    }
    if (f.answer) {
      const { questionId, kind, value } = f.answer;
      const answer = `r.answers -> ${p(questionId)}::text`;
      switch (kind) {
        case 'text':
          and.push(`${folded(`(${answer} #>> '{}')`)} LIKE ${p(contains(fold(value.trim())))}`);
          break;
        case 'choice':
        case 'multi':
          // A string is contained in itself and in a list that holds it.
          and.push(`${answer} @> to_jsonb(${p(value)}::text)`);
          break;
        case 'boolean':
          and.push(`${answer} = to_jsonb(${p(value === 'true')}::boolean)`);
          break;
        case 'number':
          and.push(`${answer} = to_jsonb(${p(value)}::numeric)`);
          break;
      }
    }
    return { where: and.join(' AND '), params };
  }
}
