import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { PasswordHasher } from './auth/password-hasher';
import { Membership } from './memberships/membership.entity';
import { CreateOrganizer } from './organizers/create-organizer.usecase';
import { Organization } from './organizations/organization.entity';
import { OrganizationsService } from './organizations/organizations.service';
import { ApiToken } from './tokens/api-token.entity';
import { ApiTokensService } from './tokens/api-tokens.service';
import { User } from './users/user.entity';
import { UsersService } from './users/users.service';

@Module({
  imports: [TypeOrmModule.forFeature([Organization, User, Membership, ApiToken])],
  providers: [OrganizationsService, UsersService, ApiTokensService, PasswordHasher, AuthService, CreateOrganizer, AuthGuard, { provide: APP_GUARD, useExisting: AuthGuard }],
  exports: [OrganizationsService, UsersService, ApiTokensService, AuthService, CreateOrganizer, AuthGuard],
})
export class IdentityModule {}
