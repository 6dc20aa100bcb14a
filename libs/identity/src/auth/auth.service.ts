import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { IdentityError } from '../identity.errors';
import { ApiTokensService, IssuedToken } from '../tokens/api-tokens.service';
import { User } from '../users/user.entity';
import { normalizeEmail } from '../users/users.service';
import { PasswordHasher } from './password-hasher';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly hasher: PasswordHasher,
    private readonly tokens: ApiTokensService,
  ) {}

  /**
   * The user if the password matches. An unknown email and a wrong password fail the same
   * way, in the same time (the hasher verifies a dummy hash), so no answer tells which.
   */
  async verifyPassword(email: string, password: string): Promise<User> {
    const user = await this.users.findOne({ where: { email: normalizeEmail(email) } });
    const ok = await this.hasher.verify(user?.passwordHash, password);
    if (!user || !ok) {
      this.logger.warn({ email: normalizeEmail(email) }, 'failed sign-in');
      throw new IdentityError('INVALID_CREDENTIALS');
    }
    return user;
  }

  /** `POST /api/v1/auth/token`: a bearer token for the API. */
  async issueApiToken(email: string, password: string, label = 'api'): Promise<IssuedToken> {
    const user = await this.verifyPassword(email, password);
    return this.tokens.issue(user.id, label);
  }
}
