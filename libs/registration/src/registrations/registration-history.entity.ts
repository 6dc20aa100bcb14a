import { Column, Entity, Index } from 'typeorm';
import { TimestampColumn, UuidEntity } from '@palabre/platform';

/** What happened to a registration, when and by whom: the back-office detail page's history. */
@Entity('registration_history')
@Index(['registrationId', 'at'])
export class RegistrationHistoryEntry extends UuidEntity {
  @Column({ type: 'uuid' })
  organizationId: string;

  @Column({ type: 'uuid' })
  registrationId: string;

  @TimestampColumn()
  at: Date;

  /** registered, confirmed, waitlisted, promoted, cancelled, expired, updated, sessions, link-sent, erased. */
  @Column({ type: 'text' })
  action: string;

  /** `participant`, `system`, or the organizer's user id. */
  @Column({ type: 'text' })
  actor: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  details: Record<string, unknown>;
}
