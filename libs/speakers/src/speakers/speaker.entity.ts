import { Entity, Generated, Index } from 'typeorm';
import type { SpeakerPhoto } from '../photos/speaker-photo';
import { EventScopedEntity, IntColumn, JsonColumn, type Localized, LocalizedTextColumn, TextColumn, TimestampColumn, UuidColumn } from '@palabre/platform';

export interface SpeakerLink {
  url: string;
  title?: string;
}

/** A person who speaks, moderates or hosts at an event of the organization. */
@Entity('speakers')
@Index('speakers_event', ['organizationId', 'eventId'])
export class Speaker extends EventScopedEntity {
  /** Integer id for exports that want one (c3voc person ids). */
  @IntColumn({ unique: true }) @Generated('increment') number: number;
  @TextColumn() name: string;

  /** Job title, e.g. « Directrice exécutive ». */
  @TextColumn({ default: '' }) title: string;

  /** The organization the speaker comes from (an NGO, a ministry), as text. */
  @TextColumn({ default: '' }) organization: string;
  @LocalizedTextColumn({ emptyByDefault: true }) bio: Localized;
  @JsonColumn({ default: () => `'[]'` }) links: SpeakerLink[];

  /** Languages spoken (ISO 639 codes: fr, en, bm…). */
  @JsonColumn({ default: () => `'[]'` }) languages: string[];

  /** The photo they sent (its files are in FileStorage, named by its hash); null until then. */
  @JsonColumn({ nullable: true }) photo: SpeakerPhoto | null;

  /** Private: for organizers and program-change emails only. */
  @TextColumn({ nullable: true }) email: string | null;

  /** Private. */
  @TextColumn({ nullable: true }) phone: string | null;

  /** The language of the emails they receive. */
  @TextColumn({ default: 'fr' }) locale: 'fr' | 'en';

  /** Their user account (identity), linked by the invitation; they edit the profile from it. */
  @Index('speakers_user') @UuidColumn({ nullable: true }) userId: string | null;

  /** When the last invitation email was queued. */
  @TimestampColumn({ nullable: true }) invitedAt: Date | null;

  /** SHA-256 of the secret in their personal agenda link; the link itself is never stored. */
  @TextColumn({ nullable: true }) agendaTokenHash: string | null;
}
