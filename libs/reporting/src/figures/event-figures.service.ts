import { Injectable } from '@nestjs/common';
import { Clock, Localized } from '@palabre/platform';
import type { EventView } from '@palabre/events';
import { PublishedProgramService, ReleasedSession } from '@palabre/program';
import { CategoryCount, FIGURE_CATEGORIES, RegistrationFigures, SessionCount } from '@palabre/registration';
import { CATEGORIES, NOT_GIVEN } from './categories';
import { Breakdown, BreakdownRow, EventFigures, ratio, SessionFigures } from './event-figures';

/** One event's line on the organization's dashboard. */
export interface EventHeadlineFigures {
  slug: string;
  title: Localized;
  registrations: number;
  confirmed: number;
  checkedIn: number;
}

const WITHDRAWN: Localized = { fr: 'Session retirée du programme', en: 'Session no longer in the programme' };

/** Builds an event's figures from registration's counts and the released programme. */
@Injectable()
export class EventFiguresService {
  constructor(
    private readonly counts: RegistrationFigures,
    private readonly program: PublishedProgramService,
    private readonly clock: Clock,
  ) {}

  /** The organization's events that have registrations, with their headline figures, in the order given. */
  async headlines(organizationId: string, events: EventView[]): Promise<EventHeadlineFigures[]> {
    const byEvent = new Map((await this.counts.headlines(organizationId)).map((h) => [h.eventId, h]));
    return events.flatMap((event) => {
      const h = byEvent.get(event.id);
      return h ? [{ slug: event.slug, title: event.title, registrations: h.registrations, confirmed: h.confirmed, checkedIn: h.checkedIn }] : [];
    });
  }

  async figures(event: EventView): Promise<EventFigures> {
    const c = await this.counts.counts(event.id, event.timeZone);
    const released = await this.program.sessions(event.id);
    let cumulative = 0;
    return {
      event: { slug: event.slug, title: event.title, timeZone: event.timeZone, startsAt: event.startsAt, endsAt: event.endsAt, capacity: event.capacity },
      generatedAt: this.clock.now(),
      totals: {
        registrations: Object.values(c.byStatus).reduce((a, b) => a + b, 0),
        ...c.byStatus,
        checkedIn: c.checkedIn,
        checkInRate: ratio(c.checkedIn, c.byStatus.confirmed),
        attendedSession: c.attendedSession,
      },
      byDay: c.byDay.map((d) => ({ ...d, cumulative: (cumulative += d.count) })),
      breakdowns: FIGURE_CATEGORIES.map((category) => breakdown(category, c.byCategory[category])),
      sessions: sessionFigures(released, c.sessions),
    };
  }
}

/** Every value of a fixed list (zeros included, so tables keep their shape), then « not given »; a region as typed. */
function breakdown(category: Breakdown['category'], counts: CategoryCount[]): Breakdown {
  const { label, values } = CATEGORIES[category];
  const byValue = new Map(counts.map((c) => [c.value, c]));
  const row = (value: string | null, label: Localized): BreakdownRow => ({
    value,
    label,
    confirmed: byValue.get(value)?.confirmed ?? 0,
    checkedIn: byValue.get(value)?.checkedIn ?? 0,
  });
  const known = values
    ? Object.entries(values).map(([value, label]) => row(value, label))
    : counts.filter((c) => c.value !== null).map((c) => row(c.value, { fr: c.label ?? c.value ?? '' }));
  // A stored value no longer in the list still counts, under its own name.
  const stray = values ? counts.filter((c) => c.value !== null && !(c.value in values)).map((c) => row(c.value, { fr: c.value ?? '' })) : [];
  return { category, label, rows: [...known, ...stray, row(null, NOT_GIVEN)] };
}

/** The released sessions people sign up for or are checked in at, in time order; then any counted session the programme no longer has. */
function sessionFigures(released: ReleasedSession[], counts: SessionCount[]): SessionFigures[] {
  const byId = new Map(counts.map((c) => [c.sessionId, c]));
  const shown = released.filter((s) => (s.capacity !== null && s.status !== 'cancelled') || byId.has(s.id));
  const known = new Set(shown.map((s) => s.id));
  const figures = (id: string, s: ReleasedSession | null): SessionFigures => {
    const c = byId.get(id) ?? { signedUp: 0, waitlisted: 0, checkedIn: 0 };
    const capacity = s?.capacity ?? null;
    return {
      id,
      title: s?.title ?? WITHDRAWN,
      type: s?.type ?? null,
      startsAt: s?.startsAt ?? null,
      endsAt: s?.endsAt ?? null,
      room: s?.room?.name ?? null,
      capacity,
      signedUp: c.signedUp,
      waitlisted: c.waitlisted,
      checkedIn: c.checkedIn,
      fillRate: ratio(c.signedUp, capacity),
      attendanceRate: ratio(c.checkedIn, c.signedUp),
    };
  };
  return [
    ...shown.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.fr.localeCompare(b.title.fr)).map((s) => figures(s.id, s)),
    ...counts.filter((c) => !known.has(c.sessionId)).map((c) => figures(c.sessionId, null)),
  ];
}
