import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A person checked in at one session's door: what a certificate of attendance states. */
export interface SessionAttendance {
  registrationId: string;
  organizationId: string;
  eventId: string;
  sessionId: string;
  firstName: string;
  lastName: string;
  /** The participant's data was erased: the name is gone, so nothing can be stated about them. */
  erased: boolean;
  checkedInAt: Date;
}

const SELECT = `SELECT r.id AS "registrationId", r.organization_id AS "organizationId", r.event_id AS "eventId", substr(c.door, length('session:') + 1) AS "sessionId",
                       r.first_name AS "firstName", r.last_name AS "lastName", r.erased_at IS NOT NULL AS erased, c.checked_in_at AS "checkedInAt"
                  FROM check_ins c JOIN registrations r ON r.id = c.registration_id`;

/** Who was checked in at which session's door: the rows certificates of attendance are drawn from. */
@Injectable()
export class AttendanceRecords {
  constructor(private readonly dataSource: DataSource) {}

  /** The sessions whose door this registration was checked in at, in the order they were. */
  async ofRegistration(registrationId: string): Promise<SessionAttendance[]> {
    const rows = await this.dataSource.query<SessionAttendance[]>(
      `${SELECT} WHERE c.registration_id = $1 AND c.door LIKE 'session:%' ORDER BY c.checked_in_at`,
      [registrationId],
    );
    return rows.map(dated);
  }

  /** One check-in at a session's door; null when there is none (never checked in there, or a made-up pair). */
  async one(registrationId: string, sessionId: string): Promise<SessionAttendance | null> {
    const [row] = await this.dataSource.query<SessionAttendance[]>(`${SELECT} WHERE c.registration_id = $1 AND c.door = $2`, [
      registrationId,
      `session:${sessionId}`,
    ]);
    return row ? dated(row) : null;
  }
}

const dated = (row: SessionAttendance): SessionAttendance => ({ ...row, checkedInAt: new Date(row.checkedInAt) });
