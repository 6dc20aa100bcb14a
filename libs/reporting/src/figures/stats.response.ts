import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, IntegerProperty, LocalizedText, LocalizedTextProperty, UuidProperty } from '@palabre/platform';
import { FIGURE_CATEGORIES } from '@palabre/registration';
import { SESSION_TYPES } from '@palabre/program';
import type { EventFigures } from './event-figures';

const RateProperty = (description: string) => ApiProperty({ type: Number, nullable: true, minimum: 0, description, example: 0.8333 });

export class StatsEventResponse {
  @ApiProperty() slug: string;
  @LocalizedTextProperty() title: LocalizedText;
  @ApiProperty({ example: 'Africa/Bamako' }) timeZone: string;
  @DateTimeProperty() startsAt: string;
  @DateTimeProperty() endsAt: string;
  @IntegerProperty({ nullable: true, description: 'Seats of the event; null: no limit' }) capacity: number | null;
}

export class StatsTotalsResponse {
  @IntegerProperty({ description: 'Every registration received, whatever became of it' }) registrations: number;
  @IntegerProperty({ description: 'Awaiting email confirmation' }) pending: number;
  @IntegerProperty() confirmed: number;
  @IntegerProperty({ description: 'The event’s waiting list' }) waitlisted: number;
  @IntegerProperty() cancelled: number;
  @IntegerProperty({ description: 'Unconfirmed holds that ran out' }) expired: number;
  @IntegerProperty({ description: 'People checked in at the entrance' }) checkedIn: number;
  @RateProperty('checkedIn / confirmed; null when nobody is confirmed') checkInRate: number | null;
  @IntegerProperty({ description: 'People checked in at one session’s door or more' }) attendedSession: number;
}

export class StatsDayResponse {
  @ApiProperty({ format: 'date', example: '2030-06-01', description: 'A day in the event’s time zone' }) day: string;
  @IntegerProperty({ description: 'Registrations received that day' }) count: number;
  @IntegerProperty({ description: 'Received up to that day' }) cumulative: number;
}

export class StatsBreakdownRowResponse {
  @ApiProperty({ type: String, nullable: true, description: 'The stored value (a region in lower case); null: not given' }) value: string | null;
  @LocalizedTextProperty() label: LocalizedText;
  @IntegerProperty({ description: 'Confirmed registrations with this value' }) confirmed: number;
  @IntegerProperty({ description: 'People with this value checked in at the entrance' }) checkedIn: number;
}

export class StatsBreakdownResponse {
  @ApiProperty({ enum: FIGURE_CATEGORIES }) category: string;
  @LocalizedTextProperty() label: LocalizedText;
  @ApiProperty({ type: [StatsBreakdownRowResponse] }) rows: StatsBreakdownRowResponse[];
}

export class StatsSessionResponse {
  @UuidProperty() id: string;
  @LocalizedTextProperty() title: LocalizedText;
  @ApiProperty({ enum: SESSION_TYPES, nullable: true, description: 'null: the session is no longer in the latest release' }) type: string | null;
  @DateTimeProperty({ nullable: true }) startsAt: string | null;
  @DateTimeProperty({ nullable: true }) endsAt: string | null;
  @ApiProperty({ type: String, nullable: true }) room: string | null;
  @IntegerProperty({ nullable: true, description: 'Seats of a workshop; null: no sign-up limit' }) capacity: number | null;
  @IntegerProperty({ description: 'Signed up with a seat' }) signedUp: number;
  @IntegerProperty({ description: 'On the workshop’s waiting list' }) waitlisted: number;
  @IntegerProperty({ description: 'Checked in at its door' }) checkedIn: number;
  @RateProperty('signedUp / capacity; null without a capacity') fillRate: number | null;
  @RateProperty('checkedIn / signedUp; null when nobody signed up') attendanceRate: number | null;
}

/** `GET /api/v1/events/{slug}/stats`: the figures of domain.md, exact (the CSV and the printed report withhold small cells). */
export class EventStatsResponse {
  @ApiProperty({ type: StatsEventResponse }) event: StatsEventResponse;
  @DateTimeProperty() generatedAt: string;
  @ApiProperty({ type: StatsTotalsResponse }) totals: StatsTotalsResponse;
  @ApiProperty({ type: [StatsDayResponse], description: 'Days with at least one registration, in order' }) registrationsByDay: StatsDayResponse[];

  @ApiProperty({ type: [StatsBreakdownResponse], description: 'By gender, age group, region and organization type; each ends with « not given »' })
  breakdowns: StatsBreakdownResponse[];

  @ApiProperty({ type: [StatsSessionResponse], description: 'Workshops with seats, and any session with a sign-up or a check-in at its door' })
  sessions: StatsSessionResponse[];
}

export function toEventStatsResponse(f: EventFigures): EventStatsResponse {
  return {
    event: { ...f.event, startsAt: f.event.startsAt.toISOString(), endsAt: f.event.endsAt.toISOString() },
    generatedAt: f.generatedAt.toISOString(),
    totals: { ...f.totals },
    registrationsByDay: f.byDay.map((d) => ({ ...d })),
    breakdowns: f.breakdowns.map((b) => ({ category: b.category, label: b.label, rows: b.rows.map((r) => ({ ...r })) })),
    sessions: f.sessions.map((s) => ({ ...s })),
  };
}
