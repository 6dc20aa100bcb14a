import { Column, Index, ManyToOne, Relation } from 'typeorm';
import { UuidEntity } from '@palabre/platform';
import { User } from './user.entity';

/** A secret that signs a user in (an emailed link, a browser session, an API token): only its SHA-256 is stored. */
export abstract class UserSecret extends UuidEntity {
  @Index()
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user: Relation<User>;

  @Column({ type: 'text', unique: true })
  tokenHash: string;
}
