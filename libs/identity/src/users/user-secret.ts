import { Index, ManyToOne, Relation } from 'typeorm';
import { TextColumn, UuidColumn, UuidEntity } from '@palabre/platform';
import { User } from './user.entity';

/** A secret that signs a user in (an emailed link, a browser session, an API token): only its SHA-256 is stored. */
export abstract class UserSecret extends UuidEntity {
  @Index()
  @UuidColumn()
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user: Relation<User>;

  @TextColumn({ unique: true })
  tokenHash: string;
}
