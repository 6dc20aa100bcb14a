import { Column, Entity } from 'typeorm';
import { TimestampedEntity } from '@palabre/platform';

/** Who runs events: a ministry department, an NGO, a forum's secretariat. */
@Entity('organizations')
export class Organization extends TimestampedEntity {
  @Column({ type: 'text', unique: true })
  slug: string;

  @Column({ type: 'text' })
  name: string;
}
