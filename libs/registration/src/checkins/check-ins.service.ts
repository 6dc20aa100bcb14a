import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventView } from '@palabre/events';
import { AddRegistrationDto } from '../registrations/registration.dto';
import { RegisterParticipant } from '../registrations/register.usecase';
import { RegistrationStatus } from '../registrations/registration.entity';
import { Workshops } from '../workshops/workshops';
import { CheckInDesk, readRoster, Roster, Scan, ScanOutcome } from './check-in-desk';
import { CheckInConflict, readConflicts } from './conflicts';

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
