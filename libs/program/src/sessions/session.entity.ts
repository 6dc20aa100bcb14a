import { Check, Entity, Exclusion, Generated, Index, OneToMany, type Relation } from 'typeorm';
import { EventScopedEntity, IntColumn, type Localized, LocalizedTextColumn, TextColumn, TimestampColumn, UuidColumn } from '@palabre/platform';
import { SessionPerson } from './session-person.entity';
import type { SessionStatus, SessionType } from './session-kinds';

/**
 * One slot of an event's working program. Two sessions never share a room at overlapping
 * times: the service checks it to name the other session, and this exclusion constraint
 * holds it whatever writes the row (btree_gist is created by the first migration). Its `id`
 * is stable across releases and systems (the c3voc guid, iCalendar UIDs).
 */
@Entity('program_sessions')
@Index('program_sessions_event_time', ['organizationId', 'eventId', 'startsAt'])
@Check('program_sessions_times_ordered', '"ends_at" > "starts_at"')
@Check('program_sessions_type_known', `"type" IN ('plenary', 'keynote', 'panel', 'workshop', 'ceremony', 'break')`)
@Check('program_sessions_status_known', `"status" IN ('draft', 'confirmed', 'cancelled')`)
@Check('program_sessions_capacity_positive', '"capacity" IS NULL OR "capacity" > 0')
@Exclusion('program_sessions_room_free', `USING gist ("room_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&) WHERE ("status" <> 'cancelled')`)
export class ProgramSession extends EventScopedEntity {
  /** Integer id for exports that want one (the c3voc event id). */
  @IntColumn({ unique: true }) @Generated('increment') number: number;
  @LocalizedTextColumn() title: Localized;
  @LocalizedTextColumn({ emptyByDefault: true }) abstract: Localized;
  @TextColumn() type: SessionType;
  @TimestampColumn() startsAt: Date;
  @TimestampColumn() endsAt: Date;

  /** A room of the same event (checked by the service; rooms live in the events context). */
  @UuidColumn({ nullable: true }) roomId: string | null;
  @UuidColumn({ nullable: true }) trackId: string | null;

  /** The language the session is held in (ISO 639: fr, en, bm…). */
  @TextColumn({ default: 'fr' }) language: string;

  /** Seats for sign-up (workshops); null: no sign-up limit. */
  @IntColumn({ nullable: true }) capacity: number | null;
  @TextColumn({ default: 'confirmed' }) status: SessionStatus;

  @OneToMany(() => SessionPerson, (p) => p.session)
  people: Relation<SessionPerson[]>;
}
