import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventView } from '@palabre/events';
import { AddRegistrationDto } from '../registrations/registration.dto';
import { RegisterParticipant } from '../registrations/register.usecase';
import { RegistrationStatus } from '../registrations/registration.entity';
import { Workshops } from '../workshops/workshops';
import { CheckInDesk, readRoster, Roster, RosterEntry, Scan, ScanOutcome } from './check-in-desk';
import { CheckInConflict, readConflicts } from './conflicts';
import { ENTRANCE } from './check-in.entity';

/** A walk-in added at the desk: their registration, and the scan that let them in (null when they wait for a seat). */
export interface WalkIn {
  registration: { reference: string; name: string; status: RegistrationStatus };
  checkIn: ScanOutcome | null;
}

/** The desk's use of check-ins: one scan, a queued batch, the roster, walk-ins and the conflict list. */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly desk: CheckInDesk,
    private readonly workshops: Workshops,
    private readonly register: RegisterParticipant,
  ) {}

  async scan(event: EventView, scan: Scan, scannedBy: string): Promise<ScanOutcome> {
    return this.desk.scan(event, scan, scannedBy, await this.doorsWithSignup(event));
  }

  /** Each queued scan on its own (one bad ticket does not hold back the others), in the order scanned. */
  async batch(event: EventView, deviceId: string, scans: (Scan & { nonce: string })[], scannedBy: string): Promise<(ScanOutcome & { nonce: string })[]> {
    const doors = await this.doorsWithSignup(event);
    const out: (ScanOutcome & { nonce: string })[] = [];
    for (const scan of scans) out.push({ ...(await this.desk.scan(event, { ...scan, deviceId }, scannedBy, doors)), nonce: scan.nonce });
    return out;
  }

  roster(event: EventView, since: string | null): Promise<Roster> {
    return readRoster(this.dataSource, event.id, since);
  }

  /** The desk's search by name (or reference) when the ticket is not at hand: at most 20, by name. */
  async search(event: EventView, query: string): Promise<RosterEntry[]> {
    const like = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.dataSource.query<{ ticket_code: string; reference: string; name: string; status: RosterEntry['status']; session_ids: string[] }[]>(
      `SELECT r.ticket_code, r.reference, trim(r.first_name || ' ' || r.last_name) AS name, r.status,
              coalesce((SELECT array_agg(s.session_id::text ORDER BY s.session_id) FROM session_signups s WHERE s.registration_id = r.id AND s.status = 'signed_up'), '{}') AS session_ids
         FROM registrations r
        WHERE r.event_id = $1 AND r.erased_at IS NULL
          AND (trim(r.first_name || ' ' || r.last_name) ILIKE $2 OR trim(r.last_name || ' ' || r.first_name) ILIKE $2 OR r.reference ILIKE $2)
        ORDER BY lower(r.last_name), lower(r.first_name), r.reference
        LIMIT 20`,
      [event.id, like],
    );
    return rows.map((r) => ({ ticketCode: r.ticket_code, reference: r.reference, name: r.name, status: r.status, sessionIds: r.session_ids }));
  }

  /** How many people have been let in at this door (the entrance when no session). */
  async checkedIn(event: EventView, sessionId: string | null): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM check_ins WHERE event_id = $1 AND door = $2`, [
      event.id,
      sessionId ? `session:${sessionId}` : ENTRANCE,
    ]);
    return row.n;
  }

  conflicts(event: EventView): Promise<CheckInConflict[]> {
    return readConflicts(this.dataSource, event.id);
  }

  /**
   * Someone who came without registering: added by the desk (seat rules apply: full means the
   * waiting list) and, with a seat, checked in at once at this door. At a workshop's door they
   * are signed up to it too, when it has a seat left.
   */
  async walkIn(event: EventView, dto: AddRegistrationDto, sessionId: string | null, actorUserId: string): Promise<WalkIn> {
    const doors = await this.doorsWithSignup(event);
    const sessionIds = sessionId && doors.has(sessionId) ? [sessionId] : [];
    const r = await this.register.byOrganizer(event, { ...dto, sessionIds }, actorUserId);
    const registration = { reference: r.reference, name: `${r.firstName} ${r.lastName}`.trim(), status: r.status };
    if (r.status !== 'confirmed') return { registration, checkIn: null };
    return { registration, checkIn: await this.desk.scan(event, { code: r.ticketCode, sessionId }, actorUserId, doors) };
  }

  private async doorsWithSignup(event: EventView): Promise<Set<string>> {
    return new Set((await this.workshops.workshops(event.id)).keys());
  }
}
