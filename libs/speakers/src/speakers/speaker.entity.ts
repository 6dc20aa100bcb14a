import { Column, Entity, Generated, Index } from 'typeorm';
import type { SpeakerPhoto } from '../photos/speaker-photo';
import { EventScopedEntity, LocalizedTextColumn, TimestampColumn, type Localized } from '@palabre/platform';

export interface SpeakerLink {
  url: string;
  title?: string;
}

/** A person who speaks, moderates or hosts at an event of the organization. */
@Entity('speakers')
@Index('speakers_event', ['organizationId', 'eventId'])
export class Speaker extends EventScopedEntity {
  /** Integer id for exports that want one (c3voc person ids). */
  @Column({ type: 'int', unique: true })
  @Generated('increment')
  number: number;

  @Column({ type: 'text' })
  name: string;

  /** Job title, e.g. « Directrice exécutive ». */
  @Column({ type: 'text', default: '' })
  title: string;

  /** The organization the speaker comes from (an NGO, a ministry), as text. */
  @Column({ type: 'text', default: '' })
  organization: string;

  @LocalizedTextColumn({ emptyByDefault: true })
  bio: Localized;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  links: SpeakerLink[];

  /** Languages spoken (ISO 639 codes: fr, en, bm…). */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  languages: string[];

  /** The photo they sent (its files are in FileStorage, named by its hash); null until then. */
  @Column({ type: 'jsonb', nullable: true })
  photo: SpeakerPhoto | null;

  /** Private: for organizers and program-change emails only. */
  @Column({ type: 'text', nullable: true })
  email: string | null;

  /** Private. */
  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** The language of the emails they receive. */
  @Column({ type: 'text', default: 'fr' })
  locale: 'fr' | 'en';

  /** Their user account (identity), linked by the invitation; they edit the profile from it. */
  @Index('speakers_user')
  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  /** When the last invitation email was queued. */
  @TimestampColumn({ nullable: true })
  invitedAt: Date | null;

  /** SHA-256 of the secret in their personal agenda link; the link itself is never stored. */
  @Column({ type: 'text', nullable: true })
  agendaTokenHash: string | null;
}
