import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty } from '@palabre/platform';
import { REGISTRATION_STATUSES } from '../registrations/registration.entity';
import { SCAN_RESULTS } from './check-in.entity';
import type { Roster, ScanOutcome } from './check-in-desk';

export class ScannedRegistrationResponse {
  @ApiProperty()
  reference: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: REGISTRATION_STATUSES })
  status: string;
}

export class CheckInResponse {
  @ApiProperty({
    enum: SCAN_RESULTS,
    description: 'welcome, already (checked in before), cancelled, waitlisted, pending (not confirmed), not_signed_up (this session), unknown',
  })
  result: string;

  @ApiProperty({ description: 'This scan let the person in' })
  firstScan: boolean;

  @ApiProperty({ type: ScannedRegistrationResponse, nullable: true })
  registration: ScannedRegistrationResponse | null;

  @DateTimeProperty({ nullable: true, description: 'The first check-in at this door' })
  checkedInAt: string | null;

  @DateTimeProperty()
  scannedAt: string;
}

export class QueuedScanResultResponse extends CheckInResponse {
  @ApiProperty()
  nonce: string;

  @ApiProperty({ description: 'The nonce was seen before: its first outcome, applied once' })
  replayed: boolean;
}

export class CheckInBatchResponse {
  @ApiProperty({ type: [QueuedScanResultResponse] })
  results: QueuedScanResultResponse[];
}

export class RosterEntryResponse {
  @ApiProperty()
  ticketCode: string;

  @ApiProperty()
  reference: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ enum: REGISTRATION_STATUSES })
  status: string;

  @ApiProperty({ type: [String] })
  sessionIds: string[];
}

export class RosterResponse {
  @ApiProperty({ description: 'Pass as `since` to get only what changed' })
  cursor: string;

  @ApiProperty({ type: [RosterEntryResponse] })
  entries: RosterEntryResponse[];
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
