import { Entity, Index } from 'typeorm';
import { BooleanColumn, EventRow, PrimaryTextColumn, PrimaryUuidColumn, TextColumn, TimestampColumn, UuidColumn, UuidEntity } from '@palabre/platform';

/** Where a ticket is scanned: the entrance, or one session's door (`session:<id>`). */
export const ENTRANCE = 'entrance';

export const SCAN_RESULTS = ['welcome', 'already', 'cancelled', 'waitlisted', 'pending', 'not_signed_up', 'unknown'] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];

/** A person checked in at one door: the first scan that let them in. One row per registration and door. */
@Entity('check_ins')
@Index(['eventId', 'door', 'checkedInAt'])
export class CheckIn extends EventRow {
  @PrimaryUuidColumn() registrationId: string;
  @PrimaryTextColumn() door: string;

  /** When the desk scanned it (kept from the device when the scan was queued offline). */
  @TimestampColumn() checkedInAt: Date;
  @UuidColumn() scanId: string;
}

/** Every scan, duplicates included, with its outcome: the record the conflict list reads. */
@Entity('check_in_scans')
@Index(['eventId', 'scannedAt'])
@Index(['eventId', 'deviceId', 'nonce'], { unique: true })
export class CheckInScan extends UuidEntity {
  @UuidColumn() organizationId: string;
  @UuidColumn() eventId: string;
  @UuidColumn({ nullable: true }) registrationId: string | null;

  /** As scanned or typed (normalized). */
  @TextColumn() code: string;
  @TextColumn() door: string;
  @TextColumn() result: ScanResult;

  /** This scan let the person in (the first at this door); false for a duplicate or a refusal. */
  @BooleanColumn({ default: false }) firstScan: boolean;

  /** The desk's device and its nonce for the scan (offline queue): a nonce applies once. Null for an online scan. */
  @TextColumn({ nullable: true }) deviceId: string | null;
  @TextColumn({ nullable: true }) nonce: string | null;
  @TimestampColumn() scannedAt: Date;
  @TimestampColumn() receivedAt: Date;

  /** The volunteer's user id. */
  @UuidColumn({ nullable: true }) scannedBy: string | null;
}
