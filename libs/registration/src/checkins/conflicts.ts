import { DataSource } from 'typeorm';
import { ENTRANCE } from './check-in.entity';

/** Two scans of one ticket this close together are worth a look. */
export const CONFLICT_WINDOW_MINUTES = 15;

export interface ScanAt {
  /** `entrance` or `session:<id>`. */
  door: string;
  sessionId: string | null;
  scannedAt: Date;
  /** The desk's device for a queued scan, else null (scanned online). */
  deviceId: string | null;
  result: string;
}

export interface CheckInConflict {
  /** Two session doors (`doors`), or the entrance from two desks (`desks`). */
  kind: 'doors' | 'desks';
  reference: string;
  name: string;
  first: ScanAt;
  second: ScanAt;
}

/**
 * Tickets that look shared: let in at two session doors, or scanned at the entrance by two
 * different desks (device, or volunteer when online), within CONFLICT_WINDOW_MINUTES of each
 * other. Read from every recorded scan that found the ticket valid (welcome or already).
 */
export async function readConflicts(dataSource: DataSource, eventId: string, limit = 200): Promise<CheckInConflict[]> {
  const rows = await dataSource.query<
    {
      reference: string;
      name: string;
      erased: boolean;
      a_door: string;
      a_at: Date;
      a_device: string | null;
      a_result: string;
      b_door: string;
      b_at: Date;
      b_device: string | null;
      b_result: string;
    }[]
  >(
    `SELECT r.reference, trim(r.first_name || ' ' || r.last_name) AS name, r.erased_at IS NOT NULL AS erased,
            a.door AS a_door, a.scanned_at AS a_at, a.device_id AS a_device, a.result AS a_result,
            b.door AS b_door, b.scanned_at AS b_at, b.device_id AS b_device, b.result AS b_result
       FROM check_in_scans a
       JOIN check_in_scans b ON b.event_id = a.event_id AND b.registration_id = a.registration_id
        AND (b.scanned_at, b.id) > (a.scanned_at, a.id)
        AND b.scanned_at - a.scanned_at <= make_interval(mins => $2)
       JOIN registrations r ON r.id = a.registration_id
      WHERE a.event_id = $1
        AND a.result IN ('welcome', 'already') AND b.result IN ('welcome', 'already')
        AND (
          (a.door <> b.door AND a.door <> '${ENTRANCE}' AND b.door <> '${ENTRANCE}')
          OR (a.door = '${ENTRANCE}' AND b.door = '${ENTRANCE}'
              AND coalesce(a.device_id, a.scanned_by::text, '') <> coalesce(b.device_id, b.scanned_by::text, ''))
        )
      ORDER BY a.scanned_at, b.scanned_at
      LIMIT $3`,
    [eventId, CONFLICT_WINDOW_MINUTES, limit],
  );
  const at = (door: string, scannedAt: Date, deviceId: string | null, result: string): ScanAt => ({
    door,
    sessionId: door.startsWith('session:') ? door.slice('session:'.length) : null,
    scannedAt: new Date(scannedAt),
    deviceId,
    result,
  });
  return rows.map((r) => ({
    kind: r.a_door === ENTRANCE ? 'desks' : 'doors',
    reference: r.reference,
    name: r.erased ? '' : r.name,
    first: at(r.a_door, r.a_at, r.a_device, r.a_result),
    second: at(r.b_door, r.b_at, r.b_device, r.b_result),
  }));
}
