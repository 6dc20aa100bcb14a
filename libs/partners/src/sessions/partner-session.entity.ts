import { Entity, Index } from 'typeorm';
import { EventScopedEntity, UuidColumn } from '@palabre/platform';

/** A session of the program that a partner proposed (and co-organizes): the program owns the session, this row names its partner. */
@Entity('partner_sessions')
@Index(['partnerId'])
export class PartnerSession extends EventScopedEntity {
  @UuidColumn() partnerId: string;
  @UuidColumn({ unique: true }) sessionId: string;
}
