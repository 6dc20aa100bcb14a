import { Column, Entity, Index } from 'typeorm';
import { TimestampColumn, UuidEntity } from '../database/entity-bases';

/** Who did what to which row of an organization, when, with the change. Written, never updated. */
@Entity('audit_entries')
@Index('audit_entries_organization_at', ['organizationId', 'at'])
export class AuditEntry extends UuidEntity {
  @Column({ type: 'uuid' })
  organizationId: string;

  /** Null for changes made by the system (a background job, the CLI). */
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  /** `<entity>.<verb>`, e.g. `member.invited`, `session.moved`. */
  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text' })
  entityType: string;

  /** Text, not uuid: some entities are named by a reference or a slug. */
  @Column({ type: 'text' })
  entityId: string;

  /** What changed: `{ "role": { "from": "viewer", "to": "program" } }`, or the created row's fields. */
  @Column({ type: 'jsonb', default: {} })
  changes: Record<string, unknown>;

  @TimestampColumn()
  at: Date;
}
