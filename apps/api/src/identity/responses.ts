import type { FastifyRequest } from 'fastify';
import type { AuditEntryView } from '@palabre/platform';
import type { ApiTokenView, InvitationView, MemberView, SessionMeta, UserView } from '@palabre/identity';

/** What a session remembers of the browser that opened it. */
export function sessionMeta(req: FastifyRequest): SessionMeta {
  const ua = req.headers['user-agent'];
  return { ip: req.ip, userAgent: typeof ua === 'string' ? ua : '' };
}

export function toMemberResponse(m: MemberView) {
  return { id: m.id, userId: m.userId, email: m.email, name: m.name, role: m.role, joinedAt: m.joinedAt.toISOString() };
}

export function toInvitationResponse(i: InvitationView) {
  return { id: i.id, email: i.email, name: i.name, role: i.role, status: 'pending' as const, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() };
}

export function toTokenResponse(t: ApiTokenView) {
  return { id: t.id, label: t.label, createdAt: t.createdAt.toISOString(), expiresAt: t.expiresAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null };
}

export function toAuditResponse(e: AuditEntryView, actors: Map<string, UserView>) {
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
