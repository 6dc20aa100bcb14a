import { IsOptional, IsString, MaxLength } from 'class-validator';

export class ChangePasswordDto {
  /** Required when the account has a password. */
  @IsOptional() @IsString() @MaxLength(200) currentPassword?: string;
  @IsString() @MaxLength(200) newPassword: string;
}
