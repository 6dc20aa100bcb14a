import { Logger, LoggerService } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, DomainError, RateLimiter } from '@palabre/platform';
import { SignInSessionsService } from '../sign-in-sessions/sign-in-sessions.service';
import { ApiTokensService } from '../tokens/api-tokens.service';
import { User } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password-hasher';

describe('a failed sign-in', () => {
  const lines: unknown[][] = [];
  const capture: LoggerService = { log: () => undefined, error: () => undefined, warn: (...args: unknown[]) => lines.push(args) };
  beforeAll(() => Logger.overrideLogger(capture));
  afterAll(() => Logger.overrideLogger(false));

  it('is logged with the address, never the password', async () => {
    const hasher = new PasswordHasher();
    const user = { id: 'u1', email: 'awa@example.org', passwordHash: await hasher.hash('le-bon-mot-de-passe-2026') } as User;
    const users = { findByEmail: async (email: string) => (email === user.email ? user : null) } as unknown as UsersRepository;
    const limiter = { attempt: async () => ({ forgive: async () => undefined }) } as unknown as RateLimiter;
    const auth = new AuthService({} as DataSource, users, hasher, {} as ApiTokensService, {} as SignInSessionsService, limiter, {} as Clock);

    for (const [email, password] of [
      ['Awa@Example.org', 'secret-essai-numero-1'],
      ['inconnu@example.org', 'secret-essai-numero-2'],
    ]) {
      const error = await auth.verifyPassword(email, password).catch((e: DomainError) => e);
      expect((error as DomainError).code).toBe('INVALID_CREDENTIALS');
    }
    const logged = JSON.stringify(lines);
    expect(logged).toContain('awa@example.org');
    expect(logged).toContain('inconnu@example.org');
    expect(logged).toContain('failed sign-in');
    expect(logged).not.toContain('secret-essai');
    expect(await auth.verifyPassword('awa@example.org', 'le-bon-mot-de-passe-2026')).toBe(user);
  });
});
