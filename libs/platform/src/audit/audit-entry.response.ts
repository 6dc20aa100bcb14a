import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, UuidProperty } from '../http/api-properties';
import type { AuditEntryView } from './audit-log';

export class AuditActorResponse {
  @UuidProperty() id: string;
  @ApiProperty({ type: String, nullable: true, description: 'null when the account is gone' }) name: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

/** One line of an organization's audit trail. */
export class AuditEntryResponse {
  @UuidProperty() id: string;
  @DateTimeProperty() at: string;
  @ApiProperty({ example: 'session.updated' }) action: string;
  @ApiProperty({ example: 'session' }) entityType: string;
  @ApiProperty() entityId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What changed, as the context recorded it' }) changes: Record<string, unknown>;
  @ApiProperty({ type: AuditActorResponse, nullable: true, description: 'null for changes made by the system' }) actor: AuditActorResponse | null;
}

/** `actors`: the users behind the entries, by id (looked up by the caller, which knows the accounts). */
export function toAuditResponse(e: AuditEntryView, actors: ReadonlyMap<string, { name: string; email: string }>): AuditEntryResponse {
  const actor = e.actorUserId ? actors.get(e.actorUserId) : undefined;
  return {
    id: e.id,
    at: e.at.toISOString(),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    changes: e.changes,
    actor: e.actorUserId ? { id: e.actorUserId, name: actor?.name ?? null, email: actor?.email ?? null } : null,
  };
}
