import { Entity, Index } from 'typeorm';
import { JsonColumn, TextColumn, TimestampColumn, UuidColumn, UuidEntity } from '../database/entity-bases';

/** Who did what to which row of an organization, when, with the change. Written, never updated. */
@Entity('audit_entries')
@Index('audit_entries_organization_at', ['organizationId', 'at'])
export class AuditEntry extends UuidEntity {
  @UuidColumn() organizationId: string;

  /** Null for changes made by the system (a background job, the CLI). */
  @UuidColumn({ nullable: true }) actorUserId: string | null;

  /** `<entity>.<verb>`, e.g. `member.invited`, `session.moved`. */
  @TextColumn() action: string;
  @TextColumn() entityType: string;

  /** Text, not uuid: some entities are named by a reference or a slug. */
  @TextColumn() entityId: string;

  /** What changed: `{ "role": { "from": "viewer", "to": "program" } }`, or the created row's fields. */
  @JsonColumn({ default: {} }) changes: Record<string, unknown>;
  @TimestampColumn() at: Date;
}
