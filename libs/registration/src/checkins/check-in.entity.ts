import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimestampColumn, UuidEntity } from '@palabre/platform';

/** Where a ticket is scanned: the entrance, or one session's door (`session:<id>`). */
export const ENTRANCE = 'entrance';

export const SCAN_RESULTS = ['welcome', 'already', 'cancelled', 'waitlisted', 'pending', 'not_signed_up', 'unknown'] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];

/** A person checked in at one door: the first scan that let them in. One row per registration and door. */
@Entity('check_ins')
@Index(['eventId', 'door', 'checkedInAt'])
export class CheckIn {
  @PrimaryColumn({ type: 'uuid' })
  registrationId: string;

  @PrimaryColumn({ type: 'text' })
  door: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  /** When the desk scanned it (kept from the device when the scan was queued offline). */
  @TimestampColumn()
  checkedInAt: Date;

  @Column({ type: 'uuid' })
  scanId: string;
}

/** Every scan, duplicates included, with its outcome: the record the conflict list reads. */
@Entity('check_in_scans')
@Index(['eventId', 'scannedAt'])
@Index(['eventId', 'deviceId', 'nonce'], { unique: true })
export class CheckInScan extends UuidEntity {
  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @Column({ type: 'uuid', nullable: true })
  registrationId: string | null;

  /** As scanned or typed (normalized). */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  door: string;

  @Column({ type: 'text' })
  result: ScanResult;

  /** This scan let the person in (the first at this door); false for a duplicate or a refusal. */
  @Column({ type: 'boolean', default: false })
  firstScan: boolean;

  /** The desk's device and its nonce for the scan (offline queue): a nonce applies once. Null for an online scan. */
  @Column({ type: 'text', nullable: true })
  deviceId: string | null;

  @Column({ type: 'text', nullable: true })
  nonce: string | null;

  @TimestampColumn()
  scannedAt: Date;

  @TimestampColumn()
  receivedAt: Date;

  /** The volunteer's user id. */
  @Column({ type: 'uuid', nullable: true })
  scannedBy: string | null;
}
