import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventView } from '@palabre/events';
import { Workshops } from '../workshops/workshops';
import { CheckInDesk, readRoster, Roster, Scan, ScanOutcome } from './check-in-desk';

/** The desk's use of check-ins: one scan, a queued batch, the roster. */
@Injectable()
export class CheckInsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly desk: CheckInDesk,
    private readonly workshops: Workshops,
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

  private async doorsWithSignup(event: EventView): Promise<Set<string>> {
    return new Set((await this.workshops.workshops(event.id)).keys());
  }
}
