import { ApiProperty } from '@nestjs/swagger';
import { Actor, ActorMembership, Locale, LOCALES, Role, ROLES, UuidProperty } from '@palabre/platform';

/** An organization the caller belongs to, and their role in it. */
export class OrganizationResponse {
  @ApiProperty({ example: 'fjc' }) slug: string;
  @ApiProperty({ example: 'Forum Job Cluster' }) name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

/** The signed-in user. */
export class MeResponse {
  @UuidProperty() id: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ type: [OrganizationResponse] }) organizations: OrganizationResponse[];
}

export function toOrganizationResponse(m: ActorMembership): OrganizationResponse {
  return { slug: m.organizationSlug, name: m.organizationName, role: m.role };
}

export function toMeResponse(actor: Actor): MeResponse {
  return { id: actor.userId, email: actor.email, name: actor.name, locale: actor.locale, organizations: actor.memberships.map(toOrganizationResponse) };
}
