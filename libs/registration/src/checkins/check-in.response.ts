import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty } from '@palabre/platform';
import { REGISTRATION_STATUSES } from '../registrations/registration.entity';
import { SCAN_RESULTS } from './check-in.entity';
import type { Roster, ScanOutcome } from './check-in-desk';
import type { CheckInConflict, ScanAt } from './conflicts';

export class ScannedRegistrationResponse {
  @ApiProperty() reference: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: string;
}

export class CheckInResponse {
  @ApiProperty({
    enum: SCAN_RESULTS,
    description: 'welcome, already (checked in before), cancelled, waitlisted, pending (not confirmed), not_signed_up (this session), unknown',
  })
  result: string;

  @ApiProperty({ description: 'This scan let the person in' }) firstScan: boolean;
  @ApiProperty({ type: ScannedRegistrationResponse, nullable: true }) registration: ScannedRegistrationResponse | null;
  @DateTimeProperty({ nullable: true, description: 'The first check-in at this door' }) checkedInAt: string | null;
  @DateTimeProperty() scannedAt: string;
}

export class QueuedScanResultResponse extends CheckInResponse {
  @ApiProperty() nonce: string;
  @ApiProperty({ description: 'The nonce was seen before: its first outcome, applied once' }) replayed: boolean;
}

export class CheckInBatchResponse {
  @ApiProperty({ type: [QueuedScanResultResponse] }) results: QueuedScanResultResponse[];
}

export class RosterEntryResponse {
  @ApiProperty() ticketCode: string;
  @ApiProperty() reference: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: REGISTRATION_STATUSES }) status: string;
  @ApiProperty({ type: [String] }) sessionIds: string[];
}

export class RosterResponse {
  @ApiProperty({ description: 'Pass as `since` to get only what changed' }) cursor: string;
  @ApiProperty({ type: [RosterEntryResponse] }) entries: RosterEntryResponse[];
}

export function toCheckInResponse(o: ScanOutcome): CheckInResponse {
  return {
    result: o.result,
    firstScan: o.firstScan,
    registration: o.registration,
    checkedInAt: o.checkedInAt?.toISOString() ?? null,
    scannedAt: o.scannedAt.toISOString(),
  };
}

export function toRosterResponse(r: Roster): RosterResponse {
  return { cursor: r.cursor, entries: r.entries };
}

export class ConflictScanResponse {
  @ApiProperty({ description: '`entrance` or `session:<id>`' }) door: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The session of a session door' }) sessionId: string | null;
  @DateTimeProperty({ description: 'When the desk scanned it (kept from the device when queued offline)' }) scannedAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'The desk’s device for a queued scan; null when scanned online' }) deviceId: string | null;
  @ApiProperty({ enum: ['welcome', 'already'] }) result: string;
}

export class CheckInConflictResponse {
  @ApiProperty({ enum: ['doors', 'desks'], description: 'doors: let in at two session doors; desks: scanned at the entrance by two desks' }) kind: string;
  @ApiProperty() reference: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: ConflictScanResponse }) first: ConflictScanResponse;
  @ApiProperty({ type: ConflictScanResponse }) second: ConflictScanResponse;
}

export class CheckInConflictsResponse {
  @ApiProperty({ description: 'Two scans of one ticket this many minutes apart or closer are listed' }) windowMinutes: number;
  @ApiProperty({ type: [CheckInConflictResponse] }) items: CheckInConflictResponse[];
}

function toConflictScan(s: ScanAt): ConflictScanResponse {
  return { door: s.door, sessionId: s.sessionId, scannedAt: s.scannedAt.toISOString(), deviceId: s.deviceId, result: s.result };
}

export function toConflictsResponse(items: CheckInConflict[], windowMinutes: number): CheckInConflictsResponse {
  return {
    windowMinutes,
    items: items.map((c) => ({ kind: c.kind, reference: c.reference, name: c.name, first: toConflictScan(c.first), second: toConflictScan(c.second) })),
  };
}
