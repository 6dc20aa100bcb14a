import { Column, ColumnOptions, CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * The columns most entities share, declared once. An entity extends the most specific base
 * that fits and states only what is its own; indexes stay on the entity (`@Index([...])`),
 * since each table is queried its own way.
 */

/** A row named by a random uuid. */
export abstract class UuidEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;
}

/** A row that knows when it was inserted and last saved. */
export abstract class TimestampedEntity extends UuidEntity {
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** A row of one organization's data: every query of it names the organization. */
export abstract class TenantEntity extends TimestampedEntity {
  @Column({ type: 'uuid' })
  organizationId: string;
}

/** A row of one event of an organization: a room, a track, a session, a speaker. */
export abstract class EventScopedEntity extends TenantEntity {
  @Column({ type: 'uuid' })
  eventId: string;
}

/** An instant, stored with its zone (`timestamptz`): never a local time. */
export function TimestampColumn(options: Omit<ColumnOptions, 'type'> = {}): PropertyDecorator {
  return Column({ ...options, type: 'timestamptz' });
}

/**
 * A `Localized` text (French, and English when given) stored as jsonb. `emptyByDefault`: the
 * column defaults to an empty French text, for the texts a form may leave blank.
 */
export function LocalizedTextColumn(options: { nullable?: boolean; emptyByDefault?: boolean } = {}): PropertyDecorator {
  const { nullable, emptyByDefault } = options;
  return Column({ type: 'jsonb', ...(nullable ? { nullable } : {}), ...(emptyByDefault ? { default: () => `'{"fr": ""}'` } : {}) });
}
