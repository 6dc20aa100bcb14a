import { IsEmail, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Role, ROLES } from '@palabre/platform';

export class InviteMemberDto {
  @IsEmail() @MaxLength(320) email: string;
  @IsIn(ROLES) role: Role;
  @IsOptional() @IsString() @MaxLength(120) name?: string;
}

export class ChangeRoleDto {
  @IsIn(ROLES) role: Role;
}
