import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, DomainEvents } from '@palabre/platform';
import { EventView } from '@palabre/events';
import { ProgramError } from '../program.errors';
import { releaseBlockers } from '../sessions/schedule-rules';
import { SessionsService } from '../sessions/sessions.service';
import { diffReleases, SessionChange } from './changelog';
import { ProgramChangeNotifier } from './program-change-notifier';
import { ReleasesRepository } from './releases.repository';
import { changedProfiles, freezeDraft, ReleasedSession } from './snapshot';

export interface ReleaseView {
  number: number;
  note: string;
  publishedAt: Date;
  changelog: SessionChange[];
  /** How many emails the release queued (speakers and participants told of changes). */
  notified?: number;
}

/** What publishing now would change, and what stops it. */
export interface ReleasePreview {
  /** The release the draft is compared with; null before the first. */
  basedOn: number | null;
  changelog: SessionChange[];
  /** Problems that would refuse the release (an incomplete panel, a session outside the event…). */
  blockers: { code: string; sessionId: string; title: ReleasedSession['title'] }[];
  /** Speakers whose public profile (bio, photo…) the release would update. */
  profiles: { id: string; name: string }[];
}

/**
 * Releases (pretalx-style): the working draft frozen as release N, immutable, with a
 * changelog against N−1; the people a change concerns are told by email, once, in the same
 * transaction that stores the release, and `program.released` is published once it commits.
 */
@Injectable()
export class ReleasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
    private readonly releases: ReleasesRepository,
    private readonly notifier: ProgramChangeNotifier,
    private readonly domainEvents: DomainEvents,
  ) {}

  async list(event: EventView): Promise<ReleaseView[]> {
    return (await this.releases.list(event.organizationId, event.id)).map((r) => ({
      number: r.number,
      note: r.note,
      publishedAt: r.publishedAt,
      changelog: r.changelog,
    }));
  }

  /** The changelog the next release would have, and what would refuse it; nothing is written. */
  async preview(event: EventView): Promise<ReleasePreview> {
    return this.dataSource.transaction(async (manager) => {
      const next = await this.candidate(manager, event);
      const blockers = releaseBlockers(event, next.sessions).map((b) => ({ code: b.code, sessionId: b.session.id, title: b.session.title }));
      const profiles = next.profiles.map((p) => ({ id: p.id, name: p.name }));
      return { basedOn: next.latest?.number ?? null, changelog: next.changelog, blockers, profiles };
    });
  }

  async publish(event: EventView, note: string, publishedBy: string | null = null): Promise<ReleaseView> {
    return this.dataSource.transaction(async (manager) => {
      // The event lock orders releases and session writes of one event: the snapshot is the draft as it stands.
      const fresh = await this.sessions.lockEvent(manager, event);
      const { latest, sessions, snapshot, changelog, profiles } = await this.candidate(manager, fresh);
      const [blocker] = releaseBlockers(fresh, sessions);
      if (blocker) throw blocker.error;
      const previous = latest?.snapshot.sessions ?? [];
      if (snapshot.sessions.every((s) => s.status === 'cancelled') && previous.length === 0) throw new ProgramError('RELEASE_EMPTY');
      if (latest && changelog.length === 0 && profiles.length === 0) throw new ProgramError('RELEASE_UNCHANGED', { number: latest.number });

      const number = (latest?.number ?? 0) + 1;
      const saved = await this.releases.insert(manager, {
        organizationId: event.organizationId,
        eventId: event.id,
        number,
        note: note.trim(),
        snapshot,
        changelog,
        publishedBy,
        publishedAt: this.clock.now(),
      });
      const notified = await this.notifier.notify(manager, fresh, { number, changelog, previous, next: snapshot.sessions });
      await this.domainEvents.publish(manager, { name: 'program.released', eventId: event.id, organizationId: event.organizationId, slug: event.slug, number });
      return { number: saved.number, note: saved.note, publishedAt: saved.publishedAt, changelog, notified };
    });
  }

  /** What publishing now would release: the latest release, the draft (rows and frozen), and the changelog between them. */
  private async candidate(manager: EntityManager, event: EventView) {
    const latest = await this.releases.latest(event.organizationId, event.id, manager);
    const { sessions, context } = await this.sessions.draft(event, manager);
    const snapshot = freezeDraft(sessions, context, latest?.snapshot ?? null);
    const changelog = diffReleases(latest?.snapshot.sessions ?? [], snapshot.sessions);
    return { latest, sessions, snapshot, changelog, profiles: changedProfiles(latest?.snapshot.speakers ?? [], snapshot.speakers) };
  }
}
