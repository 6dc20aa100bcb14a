import { Check, Entity, Index } from 'typeorm';
import { EventScopedEntity, IntColumn, JsonColumn, TextColumn, TimestampColumn, UuidColumn } from '@palabre/platform';
import type { ImportRow } from './speaker-csv';

export const IMPORT_STATUSES = ['previewed', 'committed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * A CSV import of speaker profiles, as previewed: the parsed rows with their errors and
 * duplicates, kept on the server so that a commit saves what the organizer saw, never what a
 * client sends back. It works for a short while (`expiresAt`), then only reads as expired.
 */
@Entity('speaker_imports')
@Index('speaker_imports_event', ['organizationId', 'eventId', 'createdAt'])
@Check('speaker_imports_status_known', `"status" IN ('previewed', 'committed', 'cancelled')`)
export class SpeakerImport extends EventScopedEntity {
  @UuidColumn({ nullable: true }) createdBy: string | null;
  @TextColumn({ default: 'previewed' }) status: ImportStatus;
  @JsonColumn() rows: ImportRow[];
  @TimestampColumn() expiresAt: Date;

  /** Profiles the commit created. */
  @IntColumn({ nullable: true }) created: number | null;
}
