import { ROLES, Role } from '@palabre/platform';
import { CreateOrganizer, IdentityError } from '@palabre/identity';
import { CliCommand } from './command';

export const organizerCreateCommand: CliCommand = {
  name: 'organizer:create',
  usage: 'organizer:create --email <e> --password <p> --organization <name> [--name <n>] [--role owner]',
  description: 'Create an organizer (and the organization if new); owner by default.',
  async run(ctx) {
    const { email, password, organization, name, role } = ctx.args;
    if (typeof email !== 'string' || typeof password !== 'string' || typeof organization !== 'string') {
      ctx.out(`usage: npm run cli -- ${this.usage}`);
      return 2;
    }
    if (role !== undefined && !(ROLES as readonly unknown[]).includes(role)) {
      ctx.out(`--role must be one of ${ROLES.join(', ')}`);
      return 2;
    }
    const app = await ctx.app();
    try {
      const created = await app.get(CreateOrganizer).execute({
        email,
        password,
        organization,
        name: typeof name === 'string' ? name : undefined,
        role: role as Role | undefined,
      });
      ctx.out(
        `organizer:create: ${created.user.email} is ${typeof role === 'string' ? role : 'owner'} of « ${created.organization.name} » (${created.organization.slug})`,
      );
      return 0;
    } catch (error) {
      if (error instanceof IdentityError) {
        ctx.out(`organizer:create: ${error.definition.title.en}${error.errors.map((e) => ` — ${e.field}: ${e.message.en ?? e.message.fr}`).join('')}`);
        return 1;
      }
      throw error;
    }
  },
};
