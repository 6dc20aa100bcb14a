import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, isExclusionViolation, Localized, pickFields } from '@palabre/platform';
import { EventsService, EventView, RoomsService } from '@palabre/events';
import { SpeakersService } from '@palabre/speakers';
import { ProgramError } from '../program.errors';
import { conflictExtensions, conflictParams, placementError, placementProblem } from './schedule-rules';
import { SessionRole, SessionStatus, SessionType } from './session-kinds';
import { CreateSessionDto, UpdateSessionDto } from './session.dto';
import { ProgramSession } from './session.entity';
import { ProgramContext, SessionView, toSessionView } from './session.view';
import { SessionsRepository } from './sessions.repository';

/** What a session will be once written: the request merged over the stored row. */
interface SessionDraft {
  title: Localized;
  abstract: Localized;
  type: SessionType;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  trackId: string | null;
  language: string;
  capacity: number | null;
  status: SessionStatus;
  people: { speakerId: string; role: SessionRole }[];
}

/** The stored session as a draft to change. */
function asDraft(s: ProgramSession): SessionDraft {
  return {
    ...pickFields(s, ['title', 'abstract', 'type', 'startsAt', 'endsAt', 'roomId', 'trackId', 'language', 'capacity', 'status']),
    people: [...s.people].sort((a, b) => a.position - b.position).map((p) => ({ speakerId: p.speakerId, role: p.role })),
  };
}

/**
 * The working draft of an event's program: sessions, their people and every rule that keeps
 * it conflict-free. Each write is one transaction that first locks the event row, so two
 * writes to one event check their conflicts one after the other, never both against the
 * state before either; the room rule is also an exclusion constraint in the database.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly events: EventsService,
    private readonly rooms: RoomsService,
    private readonly speakers: SpeakersService,
    private readonly clock: Clock,
  ) {}

  async list(event: EventView): Promise<SessionView[]> {
    const [rows, ctx] = await Promise.all([this.sessions.list(event.organizationId, event.id), this.context(event)]);
    return rows.map((s) => toSessionView(s, ctx));
  }

  async get(event: EventView, id: string): Promise<SessionView> {
    const row = await this.sessions.find(event.organizationId, event.id, id);
    if (!row) throw new ProgramError('SESSION_NOT_FOUND');
    return toSessionView(row, await this.context(event));
  }

  /** `linked`: what another context writes about the new session in the same transaction (a partner's proposal names its partner). */
  async create(event: EventView, dto: CreateSessionDto, linked?: (manager: EntityManager, sessionId: string) => Promise<void>): Promise<SessionView> {
    return this.write(
      event,
      null,
      () => ({
        title: dto.title,
        abstract: dto.abstract ?? { fr: '' },
        type: dto.type,
        startsAt: new Date(dto.startsAt),
        endsAt: new Date(dto.endsAt),
        roomId: dto.roomId?.toLowerCase() ?? null,
        trackId: dto.trackId?.toLowerCase() ?? null,
        language: dto.language ?? 'fr',
        capacity: dto.capacity ?? null,
        status: dto.status ?? 'confirmed',
        people: (dto.people ?? []).map((p) => ({ speakerId: p.speakerId.toLowerCase(), role: p.role })),
      }),
      linked,
    );
  }

  /** Moving, re-rooming or re-casting a session re-checks every rule. */
  async update(event: EventView, id: string, dto: UpdateSessionDto): Promise<SessionView> {
    return this.write(event, id, (current) => ({
      title: dto.title ?? current!.title,
      abstract: dto.abstract ?? current!.abstract,
      type: dto.type ?? current!.type,
      startsAt: dto.startsAt ? new Date(dto.startsAt) : current!.startsAt,
      endsAt: dto.endsAt ? new Date(dto.endsAt) : current!.endsAt,
      roomId: dto.roomId === undefined ? current!.roomId : (dto.roomId?.toLowerCase() ?? null),
      trackId: dto.trackId === undefined ? current!.trackId : (dto.trackId?.toLowerCase() ?? null),
      language: dto.language ?? current!.language,
      capacity: dto.capacity === undefined ? current!.capacity : dto.capacity,
      status: dto.status ?? current!.status,
      people: dto.people ? dto.people.map((p) => ({ speakerId: p.speakerId.toLowerCase(), role: p.role })) : asDraft(current!).people,
    }));
  }

  /**
   * Drag and drop in the program editor: the session keeps its length and everything else,
   * and starts at `startsAt` in `roomId` (null: no room); every rule is checked again.
   */
  async move(event: EventView, id: string, to: { startsAt: Date; roomId: string | null }): Promise<SessionView> {
    return this.write(event, id, (current) => ({
      ...asDraft(current!),
      startsAt: to.startsAt,
      endsAt: new Date(to.startsAt.getTime() + (current!.endsAt.getTime() - current!.startsAt.getTime())),
      roomId: to.roomId?.toLowerCase() ?? null,
    }));
  }

  /** Removes the session from the working draft; a released one shows as cancelled in the next changelog. */
  async delete(event: EventView, id: string): Promise<void> {
    await this.events.changeProgram(event.organizationId, event.id, async (manager) => {
      if (!(await this.sessions.find(event.organizationId, event.id, id, manager))) throw new ProgramError('SESSION_NOT_FOUND');
      await this.sessions.delete(manager, event.organizationId, event.id, id);
    });
  }

  /** Deletes a room no session uses (ROOM_IN_USE names one that does). */
  async deleteRoom(event: EventView, roomId: string): Promise<void> {
    await this.deleteUnused(event, 'roomId', roomId);
  }

  /** Deletes a track no session uses (TRACK_IN_USE names one that does). */
  async deleteTrack(event: EventView, trackId: string): Promise<void> {
    await this.deleteUnused(event, 'trackId', trackId);
  }

  /** Rooms, tracks and speakers of the event by id, to name them in views (inside a transaction, pass its manager). */
  async context(event: EventView, manager?: EntityManager): Promise<ProgramContext> {
    // In a transaction, one after the other: they share its single connection.
    const [rooms, tracks, speakers] = manager
      ? [
          await this.rooms.listRooms(event.organizationId, event.id, manager),
          await this.rooms.listTracks(event.organizationId, event.id, manager),
          await this.speakers.list(event.organizationId, event.id, manager),
        ]
      : await Promise.all([
          this.rooms.listRooms(event.organizationId, event.id),
          this.rooms.listTracks(event.organizationId, event.id),
          this.speakers.list(event.organizationId, event.id),
        ]);
    return {
      rooms: new Map(rooms.map((r) => [r.id, r])),
      tracks: new Map(tracks.map((t) => [t.id, t])),
      speakers: new Map(speakers.map((s) => [s.id, s])),
    };
  }

  /** The working draft as it stands, read in the caller's transaction: its sessions (with their people) and what names them. */
  async draft(event: EventView, manager: EntityManager): Promise<{ sessions: ProgramSession[]; context: ProgramContext }> {
    return { sessions: await this.sessions.list(event.organizationId, event.id, manager), context: await this.context(event, manager) };
  }

  /** Locks the event row for the transaction; archived events no longer change. */
  async lockEvent(manager: EntityManager, event: EventView): Promise<EventView> {
    return this.events.lockWritable(manager, event.organizationId, event.id);
  }

  private async write(
    event: EventView,
    id: string | null,
    build: (current?: ProgramSession) => SessionDraft,
    linked?: (manager: EntityManager, sessionId: string) => Promise<void>,
  ): Promise<SessionView> {
    let attempted: SessionDraft | undefined;
    let savedId: string;
    try {
      savedId = await this.events.changeProgram(event.organizationId, event.id, async (manager, fresh) => {
        const current = id ? await this.sessions.find(event.organizationId, event.id, id, manager) : undefined;
        if (id && !current) throw new ProgramError('SESSION_NOT_FOUND');
        const draft = (attempted = build(current ?? undefined));
        await this.check(manager, fresh, draft, id);
        const row = current ?? new ProgramSession();
        Object.assign(row, {
          organizationId: event.organizationId,
          eventId: event.id,
          title: draft.title,
          abstract: draft.abstract,
          type: draft.type,
          startsAt: draft.startsAt,
          endsAt: draft.endsAt,
          roomId: draft.roomId,
          trackId: draft.trackId,
          language: draft.language,
          capacity: draft.capacity,
          status: draft.status,
        });
        // The people are written on their own below; saving the relation would fight that.
        const { people: _people, ...columns } = row;
        const saved = await this.sessions.save(manager, Object.assign(new ProgramSession(), columns));
        await this.sessions.replacePeople(manager, saved.id, draft.people, this.clock.now());
        if (linked) await linked(manager, saved.id);
        return saved.id;
      });
    } catch (error) {
      // Only a writer that skipped the checks above can reach the constraint; name the holder all the same.
      if (isExclusionViolation(error) && attempted?.roomId) {
        const holder = await this.sessions.roomHolder(attempted.roomId, attempted, id);
        const room = (await this.rooms.listRooms(event.organizationId, event.id)).find((r) => r.id === attempted!.roomId);
        throw new ProgramError(
          'ROOM_DOUBLE_BOOKED',
          { room: room?.name ?? '', ...(holder ? conflictParams(holder, event.timeZone) : { otherFr: '?', otherEn: '?', day: '', from: '', to: '' }) },
          [{ field: 'roomId', message: { fr: 'Salle déjà occupée à ces heures.', en: 'Room already taken at these times.' } }],
          holder ? conflictExtensions(holder) : {},
        );
      }
      throw error;
    }
    return this.get(event, savedId);
  }

  private async deleteUnused(event: EventView, column: 'roomId' | 'trackId', id: string): Promise<void> {
    await this.events.changeProgram(event.organizationId, event.id, async (manager) => {
      const user = await this.sessions.firstUsing(event.organizationId, event.id, column, id, manager);
      if (user)
        throw new ProgramError(column === 'roomId' ? 'ROOM_IN_USE' : 'TRACK_IN_USE', conflictParams(user, event.timeZone), [], conflictExtensions(user));
      if (column === 'roomId') await this.rooms.deleteRoom(manager, event.organizationId, event.id, id);
      else await this.rooms.deleteTrack(manager, event.organizationId, event.id, id);
    });
  }

  /** Every rule of a session, in the order a person would fix them. */
  private async check(manager: EntityManager, event: EventView, draft: SessionDraft, id: string | null): Promise<void> {
    const problem = placementProblem(event, draft);
    if (problem) throw placementError(event, problem);

    const rooms = await this.rooms.listRooms(event.organizationId, event.id, manager);
    const room = draft.roomId ? rooms.find((r) => r.id === draft.roomId) : undefined;
    if (draft.roomId && !room) throw new ProgramError('UNKNOWN_ROOM', {}, [{ field: 'roomId', message: { fr: 'Salle inconnue.', en: 'Unknown room.' } }]);
    if (draft.trackId) {
      const tracks = await this.rooms.listTracks(event.organizationId, event.id, manager);
      if (!tracks.some((t) => t.id === draft.trackId)) {
        throw new ProgramError('UNKNOWN_TRACK', {}, [{ field: 'trackId', message: { fr: 'Parcours inconnu.', en: 'Unknown track.' } }]);
      }
    }

    const seen = new Set<string>();
    draft.people.forEach((p, i) => {
      if (seen.has(p.speakerId)) {
        throw new ProgramError('PERSON_LISTED_TWICE', {}, [
          { field: `people.${i}.speakerId`, message: { fr: 'Déjà citée dans cette session.', en: 'Already listed in this session.' } },
        ]);
      }
      seen.add(p.speakerId);
    });
    const ids = draft.people.map((p) => p.speakerId);
    const speakers = new Map((await this.speakers.findByIds(event.organizationId, event.id, ids, manager)).map((s) => [s.id, s]));
    const unknown = ids.findIndex((speakerId) => !speakers.has(speakerId));
    if (unknown >= 0) {
      throw new ProgramError('UNKNOWN_SPEAKER', {}, [
        { field: `people.${unknown}.speakerId`, message: { fr: 'Intervenant inconnu.', en: 'Unknown speaker.' } },
      ]);
    }

    // A cancelled session holds neither its room nor its people.
    if (draft.status === 'cancelled') return;
    if (room) {
      const other = await this.sessions.roomConflict(event.organizationId, event.id, room.id, draft, id, manager);
      if (other) {
        throw new ProgramError(
          'ROOM_DOUBLE_BOOKED',
          { room: room.name, ...conflictParams(other, event.timeZone) },
          [{ field: 'roomId', message: { fr: 'Salle déjà occupée à ces heures.', en: 'Room already taken at these times.' } }],
          conflictExtensions(other),
        );
      }
    }
    const clash = await this.sessions.peopleConflict(event.organizationId, event.id, ids, draft, id, manager);
    if (clash) {
      const index = ids.indexOf(clash.speakerId);
      throw new ProgramError(
        'SPEAKER_DOUBLE_BOOKED',
        { speaker: speakers.get(clash.speakerId)?.name ?? '', ...conflictParams(clash.session, event.timeZone) },
        [{ field: `people.${index}.speakerId`, message: { fr: 'Déjà pris à ces heures.', en: 'Already booked at these times.' } }],
        { ...conflictExtensions(clash.session), speakerId: clash.speakerId },
      );
    }
  }
}
