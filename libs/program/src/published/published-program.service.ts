import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '@palabre/platform';
import { ReleasesRepository } from '../releases/releases.repository';
import { ReleasedSession, ReleasedSpeaker, ReleaseSnapshot } from '../releases/snapshot';

/** The latest release of an event: what the public, the iCal feeds and the exports show. */
export interface PublishedProgram {
  releaseId: string;
  number: number;
  note: string;
  publishedAt: Date;
  snapshot: ReleaseSnapshot;
}

/**
 * Reads the latest release. Releases are immutable, so a parsed snapshot is kept per event
 * and reused while the event's latest release is the same one (one small indexed query per
 * read tells); publishing on this process forgets it at once.
 */
@Injectable()
export class PublishedProgramService implements OnModuleInit {
  private readonly cache = new Map<string, PublishedProgram>();

  constructor(
    private readonly releases: ReleasesRepository,
    private readonly domainEvents: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.domainEvents.on('program.released', (released) => this.forget(released.eventId));
  }

  async latest(eventId: string): Promise<PublishedProgram | null> {
    const head = await this.releases.head(eventId);
    if (!head) return null;
    const cached = this.cache.get(eventId);
    if (cached?.releaseId === head.id) return cached;
    const r = await this.releases.findById(head.id);
    const program: PublishedProgram = { releaseId: r.id, number: r.number, note: r.note, publishedAt: r.publishedAt, snapshot: r.snapshot };
    this.cache.set(eventId, program);
    return program;
  }

  forget(eventId: string): void {
    this.cache.delete(eventId);
  }

  /** The released sessions in program order, cancelled ones included (marked so). */
  async sessions(eventId: string): Promise<ReleasedSession[]> {
    return (await this.latest(eventId))?.snapshot.sessions ?? [];
  }

  /** Public profiles of the people on the released program. */
  async speakers(eventId: string): Promise<ReleasedSpeaker[]> {
    return (await this.latest(eventId))?.snapshot.speakers ?? [];
  }
}

/** The released sessions a speaker holds a role in. */
export function sessionsOf(snapshot: ReleaseSnapshot, speakerId: string): ReleasedSession[] {
  return snapshot.sessions.filter((s) => s.people.some((p) => p.speakerId === speakerId));
}
