import { Entity } from 'typeorm';
import { TextColumn, TimestampedEntity } from '@palabre/platform';

/** Who runs events: a ministry department, an NGO, a forum's secretariat. */
@Entity('organizations')
export class Organization extends TimestampedEntity {
  @TextColumn({ unique: true }) slug: string;
  @TextColumn() name: string;
}
