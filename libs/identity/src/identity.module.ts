import { Module, OnModuleInit } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JobRunner } from '@palabre/platform';
import { NotificationsModule } from '@palabre/notifications';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { PasswordHasher } from './auth/password-hasher';
import { MagicLinksService } from './magic-links/magic-links.service';
import { SignInLinksRepository } from './magic-links/sign-in-links.repository';
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
import { SessionCookies } from './sessions/session-cookies';
import { Session } from './sessions/session.entity';
import { SessionActorResolver } from './sessions/session.resolver';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';
import { ApiToken } from './tokens/api-token.entity';
import { ApiTokensRepository } from './tokens/api-tokens.repository';
import { ApiTokensService } from './tokens/api-tokens.service';
import { User } from './users/user.entity';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, User, Membership, ApiToken, Session, SignInLink, Invitation]), NotificationsModule],
  providers: [
    UsersRepository,
    MembershipsRepository,
    OrganizationsRepository,
    InvitationsRepository,
    ApiTokensRepository,
    SignInLinksRepository,
    SessionsRepository,
    OrganizationsService,
    UsersService,
    ApiTokensService,
    PasswordHasher,
    AuthService,
    CreateOrganizer,
    SessionsService,
    SessionCookies,
    SessionActorResolver,
    MagicLinksService,
    MembersService,
    AcceptInvitation,
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
  ],
  exports: [OrganizationsService, UsersService, ApiTokensService, AuthService, CreateOrganizer, AuthGuard, SessionsService, SessionCookies, MagicLinksService, MembersService, AcceptInvitation],
})
export class IdentityModule implements OnModuleInit {
  constructor(
    private readonly guard: AuthGuard,
    private readonly sessionResolver: SessionActorResolver,
    private readonly jobs: JobRunner,
    private readonly sessions: SessionsService,
    private readonly links: MagicLinksService,
  ) {}

  onModuleInit(): void {
    // The session cookie is one more way to prove identity, beside bearer tokens.
    this.guard.addResolver(this.sessionResolver);
    this.jobs.register({ name: 'identity-sweep', intervalMs: 30 * 60_000, tick: async () => (await this.sessions.sweep()) + (await this.links.sweep()) });
  }
}
