import { ApiProperty, PickType } from '@nestjs/swagger';
import { DateTimeProperty, Role, ROLES, UuidProperty } from '@palabre/platform';
import type { InvitationView, MemberView } from '../members/members.service';

/** A member of an organization and their role. */
export class MemberResponse {
  @UuidProperty({ description: 'The membership: what PATCH/DELETE …/members/{id} name' }) id: string;
  @UuidProperty() userId: string;
  @ApiProperty({ format: 'email' }) email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @DateTimeProperty() joinedAt: string;
}

/** An invitation still waiting for its link to be followed. */
export class InvitationResponse extends PickType(MemberResponse, ['email', 'name', 'role'] as const) {
  @UuidProperty({ description: 'The invitation: what DELETE …/invitations/{id} names' }) id: string;
  @ApiProperty({ enum: ['pending'] }) status: 'pending';
  @DateTimeProperty() createdAt: string;
  @DateTimeProperty() expiresAt: string;
}

export function toMemberResponse(m: MemberView): MemberResponse {
  return { id: m.id, userId: m.userId, email: m.email, name: m.name, role: m.role, joinedAt: m.joinedAt.toISOString() };
}

export function toInvitationResponse(i: InvitationView): InvitationResponse {
  return {
    id: i.id,
    email: i.email,
    name: i.name,
    role: i.role,
    status: 'pending',
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
  };
}
