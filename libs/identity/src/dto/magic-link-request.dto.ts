import { IsEmail, MaxLength } from 'class-validator';

export class MagicLinkRequestDto {
  @IsEmail() @MaxLength(320) email: string;
}
