import { Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobRunner } from '@palabre/platform';
import { NotificationsModule } from '@palabre/notifications';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { ChangePassword } from './auth/change-password.usecase';
import { PasswordHasher } from './auth/password-hasher';
import { MagicLinksService } from './magic-links/magic-links.service';
import { SignInLinksRepository } from './magic-links/sign-in-links.repository';
import { SignInWithLink } from './magic-links/sign-in-with-link.usecase';
import { SignInLink } from './magic-links/sign-in-link.entity';
import { AcceptInvitation } from './members/accept-invitation.usecase';
import { Invitation } from './members/invitation.entity';
import { InvitationsRepository } from './members/invitations.repository';
import { MembersService } from './members/members.service';
import { Membership } from './memberships/membership.entity';
import { MembershipsRepository } from './memberships/memberships.repository';
import { CreateOrganizer } from './organizers/create-organizer.usecase';
import { Organization } from './organizations/organization.entity';
import { OrganizationsRepository } from './organizations/organizations.repository';
import { OrganizationsService } from './organizations/organizations.service';
import { SessionCookies } from './sign-in-sessions/session-cookies';
import { SignInSession } from './sign-in-sessions/sign-in-session.entity';
import { SessionActorResolver } from './sign-in-sessions/session-actor.resolver';
import { SignInSessionsRepository } from './sign-in-sessions/sign-in-sessions.repository';
import { SignInSessionsService } from './sign-in-sessions/sign-in-sessions.service';
import { ApiToken } from './tokens/api-token.entity';
import { ApiTokensRepository } from './tokens/api-tokens.repository';
import { ApiTokensService } from './tokens/api-tokens.service';
import { User } from './users/user.entity';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, User, Membership, ApiToken, SignInSession, SignInLink, Invitation]), NotificationsModule],
  providers: [
    UsersRepository,
    MembershipsRepository,
    OrganizationsRepository,
    InvitationsRepository,
    ApiTokensRepository,
    SignInLinksRepository,
    SignInSessionsRepository,
    OrganizationsService,
    UsersService,
    ApiTokensService,
    PasswordHasher,
    AuthService,
    ChangePassword,
    CreateOrganizer,
    SignInSessionsService,
    SessionCookies,
    SessionActorResolver,
    MagicLinksService,
    SignInWithLink,
    MembersService,
    AcceptInvitation,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
  exports: [
    OrganizationsService,
    UsersService,
    ApiTokensService,
    AuthService,
    ChangePassword,
    CreateOrganizer,
    AuthGuard,
    SignInSessionsService,
    SessionCookies,
    MagicLinksService,
    SignInWithLink,
    MembersService,
    AcceptInvitation,
  ],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly guard: AuthGuard,
    private readonly sessionResolver: SessionActorResolver,
    private readonly jobs: JobRunner,
    private readonly sessions: SignInSessionsService,
    private readonly links: MagicLinksService,
  ) {}

  onModuleInit(): void {
    // The session cookie is one more way to prove identity, beside bearer tokens.
    this.guard.addResolver(this.sessionResolver);
    this.jobs.register({ name: 'identity-sweep', intervalMs: 30 * 60_000, tick: async () => (await this.sessions.sweep()) + (await this.links.sweep()) });
  }
}
