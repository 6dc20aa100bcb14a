import { IsHexColor, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsLocalized, IsNotBlank, IsOptionalNotNull, Localized } from '@palabre/platform';

export class CreateRoomDto {
  @IsString() @MaxLength(100) @IsNotBlank()
  name: string;

  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  capacity?: number | null;

  @IsOptional() @IsInt() @Min(0) @Max(1000)
  position?: number;
}

export class UpdateRoomDto {
  @IsOptionalNotNull() @IsString() @MaxLength(100) @IsNotBlank()
  name?: string;

  @IsOptional() @IsInt() @Min(1) @Max(100_000)
  capacity?: number | null;

  @IsOptionalNotNull() @IsInt() @Min(0) @Max(1000)
  position?: number;
}

export class CreateTrackDto {
  @IsLocalized({ maxLength: 100 })
  name: Localized;

  @IsHexColor()
  colour: string;

  @IsOptional() @IsInt() @Min(0) @Max(1000)
  position?: number;
}

export class UpdateTrackDto {
  @IsOptionalNotNull() @IsLocalized({ maxLength: 100 })
  name?: Localized;

  @IsOptionalNotNull() @IsHexColor()
  colour?: string;

  @IsOptionalNotNull() @IsInt() @Min(0) @Max(1000)
  position?: number;
}
