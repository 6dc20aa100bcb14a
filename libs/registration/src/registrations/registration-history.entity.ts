import { Entity, Index } from 'typeorm';
import { JsonColumn, TextColumn, TimestampColumn, UuidColumn, UuidEntity } from '@palabre/platform';

/** What happened to a registration, when and by whom: the back-office detail page's history. */
@Entity('registration_history')
@Index(['registrationId', 'at'])
export class RegistrationHistoryEntry extends UuidEntity {
  @UuidColumn() organizationId: string;
  @UuidColumn() registrationId: string;
  @TimestampColumn() at: Date;

  /** registered, confirmed, waitlisted, promoted, cancelled, expired, updated, sessions, link-sent, erased. */
  @TextColumn() action: string;

  /** `participant`, `system`, or the organizer's user id. */
  @TextColumn() actor: string;
  @JsonColumn({ default: () => `'{}'` }) details: Record<string, unknown>;
}
