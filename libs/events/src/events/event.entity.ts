import { Check, Entity, Index } from 'typeorm';
import { BooleanColumn, IntColumn, JsonColumn, type Localized, LocalizedTextColumn, TenantEntity, TextColumn, TimestampColumn } from '@palabre/platform';

export const EVENT_STATUSES = ['draft', 'published', 'archived'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** text: free text; choice: one of the choices; multi: any of them; boolean: yes/no; number: a number. */
export const QUESTION_KINDS = ['text', 'choice', 'multi', 'boolean', 'number'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
/** The kinds whose answers are picked among the question's choices. */
export const CHOICE_KINDS: readonly QuestionKind[] = ['choice', 'multi'];

export interface RegistrationQuestion {
  id: string;
  label: Localized;
  kind: QuestionKind;
  required: boolean;
  choices?: { value: string; label: Localized }[];
}

/** A forum: two days of conferences and panels in one venue and one time zone. */
@Entity('events')
@Check('events_dates_ordered', '"ends_at" > "starts_at"')
@Check('events_status_known', `"status" IN ('draft', 'published', 'archived')`)
@Index(['organizationId'])
export class Event extends TenantEntity {
  @TextColumn({ unique: true }) slug: string;

  /** Short name for exports (the c3voc `acronym`). */
  @TextColumn() acronym: string;
  @LocalizedTextColumn() title: Localized;
  @LocalizedTextColumn({ emptyByDefault: true }) description: Localized;
  @TimestampColumn() startsAt: Date;
  @TimestampColumn() endsAt: Date;

  /** IANA zone the program is shown in, e.g. Africa/Bamako. */
  @TextColumn() timeZone: string;
  @TextColumn({ default: '' }) venueName: string;
  @TextColumn({ default: '' }) venueAddress: string;

  /** Accent colour of pages and emails. */
  @TextColumn({ default: '#0b6e4f' }) colour: string;
  @TextColumn({ default: 'draft' }) status: EventStatus;
  @TimestampColumn({ nullable: true }) publishedAt: Date | null;
  @TimestampColumn({ nullable: true }) registrationOpensAt: Date | null;
  @TimestampColumn({ nullable: true }) registrationClosesAt: Date | null;

  /** Seats for the whole event; null means no limit. */
  @IntColumn({ nullable: true }) capacity: number | null;

  /** Double opt-in: the seat is held until the participant clicks the emailed link. */
  @BooleanColumn({ default: true }) confirmEmail: boolean;
  @IntColumn({ default: 48 }) holdHours: number;

  /** Days without an answer before a speaker is reminded of a role (0: never). */
  @IntColumn({ default: 3 }) speakerReminderDays: number;

  /** At most this many automatic reminders per role. */
  @IntColumn({ default: 2 }) speakerReminderMax: number;
  /** Minutes after a workshop starts when the seats of those signed up and not checked in at its door go to its waiting list; null: never. */
  @IntColumn({ nullable: true }) noShowReleaseMinutes: number | null;
  @JsonColumn({ default: () => `'[]'` }) questions: RegistrationQuestion[];
  @LocalizedTextColumn({ nullable: true }) consentText: Localized | null;
}
