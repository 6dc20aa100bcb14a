import type { PublicSessionView, ReleasePreview, ReleaseView, SessionView } from '@palabre/program';

export function toSessionResponse(s: SessionView) {
  return {
    id: s.id,
    number: s.number,
    title: s.title,
    abstract: s.abstract,
    type: s.type,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    room: s.room,
    track: s.track,
    language: s.language,
    capacity: s.capacity,
    status: s.status,
    people: s.people.map((p) => ({ speakerId: p.speakerId, name: p.name, role: p.role })),
  };
}

export function toPublicSessionResponse(s: PublicSessionView) {
  return {
    id: s.id,
    number: s.number,
    title: s.title,
    abstract: s.abstract,
    type: s.type,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    room: s.room,
    track: s.track,
    language: s.language,
    capacity: s.capacity,
    status: s.status,
    people: s.people.map((p) => ({ id: p.id, name: p.name, role: p.role })),
  };
}

export function toReleaseResponse(r: ReleaseView) {
  return {
    number: r.number,
    note: r.note,
    publishedAt: r.publishedAt.toISOString(),
    changelog: r.changelog,
    ...(r.notified !== undefined ? { notified: r.notified } : {}),
  };
}

export function toPreviewResponse(p: ReleasePreview) {
  return { basedOn: p.basedOn, nextNumber: (p.basedOn ?? 0) + 1, changelog: p.changelog, blockers: p.blockers };
}
