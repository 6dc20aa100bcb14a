import { IsEmail, IsString, MaxLength } from 'class-validator';

export class TokenRequestDto {
  @IsEmail() @MaxLength(320) email: string;
  @IsString() @MaxLength(200) password: string;
}
