import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, Clock, ResponseCache } from '@palabre/platform';
import { eventCachePrefix, EventView } from '@palabre/events';
import { OutboxService } from '@palabre/notifications';
import { SpeakersService, toPublicSpeaker } from '@palabre/speakers';
import { ProgramError } from '../program.errors';
import { panelShortfall, placementError, placementProblem } from '../sessions/schedule-rules';
import { ProgramContext, SessionView, toSessionView } from '../sessions/session.view';
import { SessionsRepository } from '../sessions/sessions.repository';
import { SessionsService } from '../sessions/sessions.service';
import { ProgramSession } from '../sessions/session.entity';
import { diffReleases, SessionChange } from './changelog';
import { composeLetters, SpeakerContact, toMailChange } from './program-change-mail';
import { ProgramChangeRecipients } from './program-change-recipients';
import { ProgramRelease } from './release.entity';
import { ReleasedSession, ReleaseSnapshot } from './snapshot';
import { PublishedProgramService } from '../published/published-program.service';

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
}

/**
 * Releases (pretalx-style): the working draft frozen as release N, immutable, with a
 * changelog against N−1; the people a change concerns are told by email, once, in the same
 * transaction that stores the release.
 */
@Injectable()
export class ReleasesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly sessions: SessionsService,
    private readonly sessionRows: SessionsRepository,
    private readonly speakers: SpeakersService,
    private readonly outbox: OutboxService,
    private readonly recipients: ProgramChangeRecipients,
    private readonly published: PublishedProgramService,
    private readonly cache: ResponseCache,
  ) {}

  async list(event: EventView): Promise<ReleaseView[]> {
    const rows = await this.dataSource.getRepository(ProgramRelease).find({
      where: { organizationId: event.organizationId, eventId: event.id },
      select: { number: true, note: true, publishedAt: true, changelog: true },
      order: { number: 'DESC' },
    });
    return rows.map((r) => ({ number: r.number, note: r.note, publishedAt: r.publishedAt, changelog: r.changelog }));
  }

  /** The changelog the next release would have, and what would refuse it; nothing is written. */
  async preview(event: EventView): Promise<ReleasePreview> {
    return this.dataSource.transaction(async (manager) => {
      const latest = await this.latest(manager, event);
      const snapshot = await this.snapshot(manager, event, latest?.snapshot ?? null);
      const blockers = this.problems(event, await this.sessionRows.list(event.organizationId, event.id, manager)).map((p) => ({
        code: p.code,
        sessionId: p.session.id,
        title: p.session.title,
      }));
      return { basedOn: latest?.number ?? null, changelog: diffReleases(latest?.snapshot.sessions ?? [], snapshot.sessions), blockers };
    });
  }

  async publish(event: EventView, note: string, publishedBy: string | null = null): Promise<ReleaseView> {
    const release = await this.dataSource.transaction(async (manager) => {
      // The event lock orders releases and session writes of one event: the snapshot is the draft as it stands.
      const fresh = await this.sessions.lockEvent(manager, event);
      const rows = await this.sessionRows.list(event.organizationId, event.id, manager);
      const [problem] = this.problems(fresh, rows);
      if (problem) throw problem.error;

      const latest = await this.latest(manager, event);
      const snapshot = await this.snapshot(manager, fresh, latest?.snapshot ?? null);
      const previous = latest?.snapshot.sessions ?? [];
      if (snapshot.sessions.every((s) => s.status === 'cancelled') && previous.length === 0) throw new ProgramError('RELEASE_EMPTY');
      const changelog = diffReleases(previous, snapshot.sessions);
      if (latest && changelog.length === 0) throw new ProgramError('RELEASE_UNCHANGED', { number: latest.number });

      const number = (latest?.number ?? 0) + 1;
      const saved = await manager.getRepository(ProgramRelease).save(
        manager.getRepository(ProgramRelease).create({
          organizationId: event.organizationId,
          eventId: event.id,
          number,
          note: note.trim(),
          snapshot,
          changelog,
          publishedBy,
          publishedAt: this.clock.now(),
        }),
      );
      const notified = await this.notify(manager, fresh, number, changelog, previous, snapshot.sessions);
      return { number: saved.number, note: saved.note, publishedAt: saved.publishedAt, changelog, notified };
    });
    this.published.forget(event.id);
    // The public program, its pages and exports show the new release at once (other processes within their TTL).
    this.cache.invalidate(eventCachePrefix(event.slug));
    return release;
  }

  /** Queues one program.change email per person concerned, deduplicated per release and address. */
  private async notify(manager: EntityManager, event: EventView, number: number, changelog: SessionChange[], previous: ReleasedSession[], next: ReleasedSession[]): Promise<number> {
    const concerned = new Set([...previous, ...next].flatMap((s) => s.people.map((p) => p.speakerId)));
    const speakers = new Map<string, SpeakerContact>(
      (await this.speakers.findByIds(event.organizationId, event.id, [...concerned], manager))
        .filter((s) => s.email)
        .map((s) => [s.id, { speakerId: s.id, email: s.email!, name: s.name, locale: s.locale }]),
    );
    const touched = [...new Set(changelog.map((c) => c.sessionId))];
    const participants = await this.recipients.collect(manager, event.id, touched);
    const letters = composeLetters(changelog, previous, next, speakers, participants);
    let queued = 0;
    for (const letter of letters) {
      const changes = letter.changes.map(toMailChange).filter((c) => c !== null);
      if (changes.length === 0) continue;
      const written = await this.outbox.enqueue(manager, {
        to: letter.email,
        template: 'program.change',
        locale: letter.locale,
        dedupeKey: `release:${event.id}:${number}:${letter.email}`,
        organizationId: event.organizationId,
        eventId: event.id,
        data: {
          name: letter.name,
          eventTitle: event.title,
          eventSlug: event.slug,
          timeZone: event.timeZone,
          releaseNumber: number,
          link: `${this.config.publicUrl}/e/${event.slug}`,
          changes,
        },
      });
      if (written) queued++;
    }
    return queued;
  }

  /** Release blockers, in program order: sessions outside the event (its dates may have moved) and incomplete panels. */
  private problems(event: EventView, rows: ProgramSession[]) {
    const out: { code: string; session: ProgramSession; error: ProgramError }[] = [];
    for (const s of rows) {
      if (s.status !== 'confirmed') continue;
      const placement = placementProblem(event, s);
      if (placement) out.push({ code: placement.code, session: s, error: placementError(event, placement, s) });
      const panel = panelShortfall(s);
      if (panel) {
        out.push({
          code: 'PANEL_INCOMPLETE',
          session: s,
          error: new ProgramError(
            'PANEL_INCOMPLETE',
            { sessionFr: s.title.fr, sessionEn: s.title.en || s.title.fr, ...panel },
            [],
            { sessionId: s.id, session: { id: s.id, number: s.number, title: s.title }, ...panel },
          ),
        });
      }
    }
    return out;
  }

  private async latest(manager: EntityManager, event: EventView): Promise<ProgramRelease | null> {
    return manager.getRepository(ProgramRelease).findOne({
      where: { organizationId: event.organizationId, eventId: event.id },
      order: { number: 'DESC' },
    });
  }

  /**
   * The draft as a release would freeze it: confirmed sessions, plus the cancelled ones the
   * previous release had published (so the public sees them cancelled); tentative (`draft`)
   * sessions stay out. Rooms, tracks and public speaker profiles are frozen alongside.
   */
  private async snapshot(manager: EntityManager, event: EventView, previous: ReleaseSnapshot | null): Promise<ReleaseSnapshot> {
    const rows = await this.sessionRows.list(event.organizationId, event.id, manager);
    const ctx: ProgramContext = await this.sessions.context(event, manager);
    const wasPublished = new Set((previous?.sessions ?? []).map((s) => s.id));
    const sessions = rows
      .filter((s) => s.status === 'confirmed' || (s.status === 'cancelled' && wasPublished.has(s.id)))
      .map((s) => toReleasedSession(toSessionView(s, ctx)));
    const speakerIds = new Set(sessions.flatMap((s) => s.people.map((p) => p.speakerId)));
    return {
      version: 1,
      sessions,
      rooms: [...ctx.rooms.values()].map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
      tracks: [...ctx.tracks.values()].map((t) => ({ id: t.id, name: t.name, colour: t.colour })),
      speakers: [...ctx.speakers.values()]
        .filter((s) => speakerIds.has(s.id))
        .map(toPublicSpeaker)
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    };
  }
}

/** A session of the draft as a release freezes it: times in ISO 8601, only confirmed or cancelled. Field by field: a release is public. */
function toReleasedSession(s: SessionView): ReleasedSession {
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
    status: s.status === 'cancelled' ? 'cancelled' : 'confirmed',
    people: s.people,
  };
}
