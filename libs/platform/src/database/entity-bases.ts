import { Column, ColumnOptions, CreateDateColumn, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * The columns most entities share, declared once. An entity extends the most specific base
 * that fits and states only what is its own; indexes stay on the entity (`@Index([...])`),
 * since each table is queried its own way.
 */

type TypedColumnOptions = Omit<ColumnOptions, 'type'>;

/** A column of one PostgreSQL type: `@TextColumn()`, `@UuidColumn({ nullable: true })`. */
function typedColumn(type: ColumnOptions['type']): (options?: TypedColumnOptions) => PropertyDecorator {
  return (options = {}) => Column({ ...options, type });
}

export const UuidColumn = typedColumn('uuid');
export const TextColumn = typedColumn('text');
export const IntColumn = typedColumn('int');
export const BigIntColumn = typedColumn('bigint');
export const BooleanColumn = typedColumn('boolean');
export const JsonColumn = typedColumn('jsonb');
/** An instant, stored with its zone (`timestamptz`): never a local time. */
export const TimestampColumn = typedColumn('timestamptz');

/** A primary key of a row that another row names (no generated id): `@PrimaryUuidColumn()`. */
export const PrimaryUuidColumn = (): PropertyDecorator => PrimaryColumn({ type: 'uuid' });
export const PrimaryTextColumn = (): PropertyDecorator => PrimaryColumn({ type: 'text' });

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
  @UuidColumn()
  organizationId: string;
}

/** A row of one event of an organization: a room, a track, a session, a speaker. */
export abstract class EventScopedEntity extends TenantEntity {
  @UuidColumn()
  eventId: string;
}

/**
 * The organization and event of a row keyed by what it is about (a registration, a session)
 * rather than by an id of its own: a check-in, a workshop sign-up.
 */
export abstract class EventRow {
  @UuidColumn() organizationId: string;
  @UuidColumn() eventId: string;
}

/**
 * A `Localized` text (French, and English when given) stored as jsonb. `emptyByDefault`: the
 * column defaults to an empty French text, for the texts a form may leave blank.
 */
export function LocalizedTextColumn(options: { nullable?: boolean; emptyByDefault?: boolean } = {}): PropertyDecorator {
  const { nullable, emptyByDefault } = options;
  return Column({ type: 'jsonb', ...(nullable ? { nullable } : {}), ...(emptyByDefault ? { default: () => `'{"fr": ""}'` } : {}) });
}
