import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, withAdvisoryLock } from '@palabre/platform';
import { EventsService, EventView, RoomsService } from '@palabre/events';
import { ReleasesService, SessionsService } from '@palabre/program';
import { SpeakersService } from '@palabre/speakers';
import { PartnerSeeding } from '@palabre/partners';
import { CreateOrganizer, OrganizationsService } from '@palabre/identity';
import { randomBytes } from 'node:crypto';
import { at, DEMO_EVENT, DEMO_ORGANIZATION, DEMO_ORGANIZER_EMAIL, demoFirstDay } from './demo-forum';
import { DEMO_ROOMS, DEMO_SESSIONS, DEMO_SPEAKERS, DEMO_TRACKS } from './demo-program';
import { DEMO_PARTNERS, demoReportingYear } from './demo-partners';

const SEED_LOCK = 72_407_312;

/**
 * Seeds the demo forum through the contexts' own services, so the demo obeys the same
 * rules as anything an organizer builds.
 */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger('DemoSeeder');

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly organizations: OrganizationsService,
    private readonly createOrganizer: CreateOrganizer,
    private readonly events: EventsService,
    private readonly rooms: RoomsService,
    private readonly speakers: SpeakersService,
    private readonly sessions: SessionsService,
    private readonly releases: ReleasesService,
    private readonly partners: PartnerSeeding,
  ) {}

  /** Seeds only an empty database (no organization yet); true when it seeded. */
  async seedIfEmpty(): Promise<boolean> {
    return withAdvisoryLock(this.dataSource, SEED_LOCK, async () => {
      if ((await this.organizations.count()) > 0) return false;
      await this.seed();
      return true;
    });
  }

  /** Seeds the demo forum (fails if its slug exists). */
  async seed(): Promise<void> {
    const firstDay = demoFirstDay(this.clock.now());
    // A random password, printed once: a demo left on a public server must not open with a known one.
    const password = `demo-${randomBytes(9).toString('base64url')}`;
    const { organization } = await this.createOrganizer.execute({
      email: DEMO_ORGANIZER_EMAIL,
      password,
      organization: DEMO_ORGANIZATION,
      name: 'Aminata Diallo',
    });
    await this.events.create(organization.id, {
      ...DEMO_EVENT,
      startsAt: at(firstDay, 1, '08:00').toISOString(),
      endsAt: at(firstDay, 2, '18:00').toISOString(),
      registrationOpensAt: new Date(this.clock.now().getTime() - 86_400_000).toISOString(),
      registrationClosesAt: at(firstDay, 2, '12:00').toISOString(),
    });
    const event = await this.events.publish(organization.id, DEMO_EVENT.slug);
    await this.seedProgram(event, firstDay);
    await this.partners.plant(event, demoReportingYear(firstDay), this.clock.now(), DEMO_PARTNERS);
    this.logger.log(`seeded ${DEMO_EVENT.slug} (${firstDay.toISOString().slice(0, 10)})`);
    this.logger.log(`demo organizer — email: ${DEMO_ORGANIZER_EMAIL}  password: ${password}  (shown once; change it or run organizer:create)`);
  }

  /** Rooms, tracks, speakers and sessions through the program's own services, then release 1. */
  private async seedProgram(event: EventView, firstDay: Date): Promise<void> {
    const { organizationId, id: eventId } = event;
    const rooms = new Map<string, string>();
    for (const r of DEMO_ROOMS) rooms.set(r.key, (await this.rooms.createRoom(organizationId, eventId, { name: r.name, capacity: r.capacity })).id);
    const tracks = new Map<string, string>();
    for (const t of DEMO_TRACKS) tracks.set(t.key, (await this.rooms.createTrack(organizationId, eventId, { name: t.name, colour: t.colour })).id);
    const speakers = new Map<string, string>();
    for (const s of DEMO_SPEAKERS) {
      const created = await this.speakers.create(organizationId, eventId, {
        name: s.name,
        title: s.title,
        organization: s.organization,
        bio: s.bio,
        languages: s.languages,
        locale: s.locale,
        email: `${s.key}@intervenants.jobcluster.example`,
      });
      speakers.set(s.key, created.id);
    }
    for (const s of DEMO_SESSIONS) {
      await this.sessions.create(event, {
        title: s.title,
        abstract: s.abstract,
        type: s.type,
        startsAt: at(firstDay, s.day, s.from).toISOString(),
        endsAt: at(firstDay, s.day, s.to).toISOString(),
        roomId: s.room ? rooms.get(s.room) : null,
        trackId: s.track ? tracks.get(s.track) : null,
        language: s.language ?? 'fr',
        capacity: s.capacity ?? null,
        people: (s.people ?? []).map(([key, role]) => ({ speakerId: speakers.get(key)!, role })),
      });
    }
    await this.releases.publish(event, 'Programme initial du forum');
  }
}
