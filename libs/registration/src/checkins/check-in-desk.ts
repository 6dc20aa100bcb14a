import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, isUniqueViolation } from '@palabre/platform';
import type { EventView } from '@palabre/events';
import { normalizeCode } from '../registrations/codes';
import { Registration, RegistrationStatus } from '../registrations/registration.entity';
import { returned } from '../rows';
import { CheckInScan, ENTRANCE, ScanResult } from './check-in.entity';

export interface Scan {
  code: string;
  /** A session's door; the entrance when absent. */
  sessionId?: string | null;
  /** Offline queue: the device, its nonce for this scan (applies once), and when it was scanned. */
  deviceId?: string | null;
  nonce?: string | null;
  scannedAt?: Date | null;
}

export interface ScanOutcome {
  result: ScanResult;
  /** This scan let the person in; false for a duplicate or a refusal. */
  firstScan: boolean;
  registration: { reference: string; name: string; status: RegistrationStatus } | null;
  /** When already checked in: the first check-in at this door. */
  checkedInAt: Date | null;
  scannedAt: Date;
  /** A nonce seen before: the recorded outcome, applied once. */
  replayed: boolean;
}

/** The sessions where a ticket needs a sign-up to enter: the event's workshops with seats. */
export type DoorsWithSignup = Set<string>;

/**
 * Checking tickets in at the entrance or a session's door. A person is checked in once per
 * door (the check_ins key decides between two desks scanning at the same instant); every
 * scan is recorded, duplicates included, with the time it was made on the device. A scan
 * queued offline carries a nonce, applied once whatever the retries.
 */
@Injectable()
export class CheckInDesk {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async scan(event: EventView, scan: Scan, scannedBy: string | null, workshops: DoorsWithSignup): Promise<ScanOutcome> {
    const run = (manager: EntityManager) => this.apply(manager, event, scan, scannedBy, workshops);
    try {
      return await this.dataSource.transaction(run);
    } catch (error) {
      // The same nonce sent twice at once, or the same ticket at two desks: the second run sees the first.
      if (isUniqueViolation(error)) return this.dataSource.transaction(run);
      throw error;
    }
  }

  private async apply(manager: EntityManager, event: EventView, scan: Scan, scannedBy: string | null, workshops: DoorsWithSignup): Promise<ScanOutcome> {
    const scans = manager.getRepository(CheckInScan);
    if (scan.deviceId && scan.nonce) {
      const seen = await scans.findOne({ where: { eventId: event.id, deviceId: scan.deviceId, nonce: scan.nonce } });
      if (seen) return { ...(await this.outcomeOf(manager, seen)), replayed: true };
    }
    const now = this.clock.now();
    const scannedAt = scan.scannedAt && scan.scannedAt <= now ? scan.scannedAt : now;
    const code = normalizeCode(scan.code);
    const door = scan.sessionId ? `session:${scan.sessionId}` : ENTRANCE;
    const r = await manager.getRepository(Registration).findOne({ where: { eventId: event.id, ticketCode: code } });
    const scanId = (await manager.query<{ id: string }[]>(`SELECT gen_random_uuid() AS id`))[0].id;
    let result: ScanResult;
    let firstScan = false;
    let checkedInAt: Date | null = null;
    if (!r || r.erasedAt) result = 'unknown';
    else if (r.status === 'cancelled' || r.status === 'expired') result = 'cancelled';
    else if (r.status === 'waitlisted') result = 'waitlisted';
    else if (r.status === 'pending') result = 'pending';
    else if (scan.sessionId && workshops.has(scan.sessionId) && !(await this.signedUp(manager, r.id, scan.sessionId))) result = 'not_signed_up';
    else {
      const inserted = returned(
        await manager.query(
          `INSERT INTO check_ins (registration_id, door, organization_id, event_id, checked_in_at, scan_id) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT DO NOTHING RETURNING 1`,
          [r.id, door, event.organizationId, event.id, scannedAt, scanId],
        ),
      );
      firstScan = inserted.length > 0;
      result = firstScan ? 'welcome' : 'already';
      checkedInAt = firstScan ? scannedAt : await this.firstCheckIn(manager, r.id, door);
    }
    await scans.insert({
      id: scanId,
      organizationId: event.organizationId,
      eventId: event.id,
      registrationId: r?.id ?? null,
      code,
      door,
      result,
      firstScan,
      deviceId: scan.deviceId ?? null,
      nonce: scan.deviceId ? (scan.nonce ?? null) : null,
      scannedAt,
      receivedAt: now,
      scannedBy,
    });
    return { result, firstScan, registration: r && !r.erasedAt ? summary(r) : null, checkedInAt, scannedAt, replayed: false };
  }

  private async outcomeOf(manager: EntityManager, seen: CheckInScan): Promise<Omit<ScanOutcome, 'replayed'>> {
    const r = seen.registrationId ? await manager.getRepository(Registration).findOne({ where: { id: seen.registrationId } }) : null;
    const checkedInAt = r && (seen.result === 'welcome' || seen.result === 'already') ? await this.firstCheckIn(manager, r.id, seen.door) : null;
    return { result: seen.result, firstScan: seen.firstScan, registration: r && !r.erasedAt ? summary(r) : null, checkedInAt, scannedAt: seen.scannedAt };
  }

  private async signedUp(manager: EntityManager, registrationId: string, sessionId: string): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM session_signups WHERE registration_id = $1 AND session_id = $2 AND status = 'signed_up'`, [
      registrationId,
      sessionId,
    ]);
    return rows.length > 0;
  }

  private async firstCheckIn(manager: EntityManager, registrationId: string, door: string): Promise<Date | null> {
    const [row] = await manager.query<{ at: Date }[]>(`SELECT checked_in_at AS at FROM check_ins WHERE registration_id = $1 AND door = $2`, [
      registrationId,
      door,
    ]);
    return row ? new Date(row.at) : null;
  }
}

function summary(r: Registration) {
  return { reference: r.reference, name: `${r.firstName} ${r.lastName}`.trim(), status: r.status };
}

export interface RosterEntry {
  ticketCode: string;
  reference: string;
  name: string;
  status: RegistrationStatus;
  /** Workshops where the ticket holds a seat. */
  sessionIds: string[];
}

export interface Roster {
  /** Pass it as `since` next time to get only what changed. */
  cursor: string;
  entries: RosterEntry[];
}

/**
 * The desks' offline roster: every registration of the event (an erased one as `cancelled`
 * without a name), or with `since` only those written after that cursor (their row or one of
 * their workshop sign-ups). Versions come from one sequence, set by triggers on each write.
 */
export async function readRoster(dataSource: DataSource, eventId: string, since: string | null): Promise<Roster> {
  const rows = await dataSource.query<
    { ticket_code: string; reference: string; name: string; status: RegistrationStatus; erased: boolean; version: string; session_ids: string[] }[]
  >(
    `SELECT r.ticket_code, r.reference, trim(r.first_name || ' ' || r.last_name) AS name, r.status, r.erased_at IS NOT NULL AS erased,
            greatest(r.roster_version, coalesce((SELECT max(s.roster_version) FROM session_signups s WHERE s.registration_id = r.id), 0))::text AS version,
            coalesce((SELECT array_agg(s.session_id::text ORDER BY s.session_id) FROM session_signups s WHERE s.registration_id = r.id AND s.status = 'signed_up'), '{}') AS session_ids
       FROM registrations r
      WHERE r.event_id = $1
        AND ($2::bigint IS NULL OR r.roster_version > $2::bigint OR EXISTS (SELECT 1 FROM session_signups s WHERE s.registration_id = r.id AND s.roster_version > $2::bigint))
      ORDER BY r.roster_version`,
    [eventId, since],
  );
  const cursor = rows.reduce((max, r) => (BigInt(r.version) > BigInt(max) ? r.version : max), since ?? '0');
  return {
    cursor,
    entries: rows.map((r) => ({
      ticketCode: r.ticket_code,
      reference: r.reference,
      name: r.erased ? '' : r.name,
      status: r.erased ? 'cancelled' : r.status,
      sessionIds: r.session_ids,
    })),
  };
}
