import { Column, Entity, Index } from 'typeorm';
import { EventScopedEntity } from '@palabre/platform';

/** A session of the program that a partner proposed (and co-organizes): the program owns the session, this row names its partner. */
@Entity('partner_sessions')
@Index(['partnerId'])
export class PartnerSession extends EventScopedEntity {
  @Column({ type: 'uuid' })
  partnerId: string;

  @Column({ type: 'uuid', unique: true })
  sessionId: string;
}
