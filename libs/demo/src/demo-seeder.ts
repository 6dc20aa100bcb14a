import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, withAdvisoryLock } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { CreateOrganizer, OrganizationsService } from '@palabre/identity';
import { randomBytes } from 'node:crypto';
import { at, DEMO_EVENT, DEMO_ORGANIZATION, DEMO_ORGANIZER_EMAIL, demoFirstDay } from './demo-forum';

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
    const { organization } = await this.createOrganizer.execute({ email: DEMO_ORGANIZER_EMAIL, password, organization: DEMO_ORGANIZATION, name: 'Aminata Diallo' });
    await this.events.create(organization.id, {
      ...DEMO_EVENT,
      startsAt: at(firstDay, 1, '08:00').toISOString(),
      endsAt: at(firstDay, 2, '18:00').toISOString(),
      registrationOpensAt: new Date(this.clock.now().getTime() - 86_400_000).toISOString(),
      registrationClosesAt: at(firstDay, 2, '12:00').toISOString(),
    });
    await this.events.publish(organization.id, DEMO_EVENT.slug);
    this.logger.log(`seeded ${DEMO_EVENT.slug} (${firstDay.toISOString().slice(0, 10)})`);
    this.logger.log(`demo organizer — email: ${DEMO_ORGANIZER_EMAIL}  password: ${password}  (shown once; change it or run organizer:create)`);
  }
}
