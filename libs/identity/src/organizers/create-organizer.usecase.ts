import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '@palabre/platform';
import { PasswordHasher } from '../auth/password-hasher';
import { passwordProblem } from '../auth/password-policy';
import { IdentityError } from '../identity.errors';
import { OrganizationsService, OrganizationView } from '../organizations/organizations.service';
import { normalizeEmail, UsersService, UserView } from '../users/users.service';

export interface CreateOrganizerCommand {
  email: string;
  password: string;
  organization: string;
  name?: string;
  role?: Role;
}

/**
 * Creates (or updates) an organizer with a password and gives them a role — owner by
 * default — in the organization, created if new. A use case: the organization, the user and
 * the membership change in one transaction.
 */
@Injectable()
export class CreateOrganizer {
  constructor(
    private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
  ) {}

  async execute(command: CreateOrganizerCommand): Promise<{ user: UserView; organization: OrganizationView }> {
    const email = normalizeEmail(command.email);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      throw new IdentityError('WEAK_PASSWORD', {}, [{ field: 'email', message: { fr: 'Adresse e-mail invalide.', en: 'Invalid email address.' } }]);
    }
    const problem = passwordProblem(command.password, email);
    if (problem) throw new IdentityError('WEAK_PASSWORD', {}, [{ field: 'password', message: problem }]);
    const passwordHash = await this.hasher.hash(command.password);
    return this.dataSource.transaction(async (manager) => {
      const organization = await this.organizations.findOrCreate(command.organization, manager);
      const user = await this.users.findOrCreate(email, command.name ?? email.split('@')[0], manager);
      const organizer = await this.users.setPassword(user.id, passwordHash, manager);
      await this.users.setMembership(user.id, organization.id, command.role ?? 'owner', manager);
      return { user: organizer, organization };
    });
  }
}
