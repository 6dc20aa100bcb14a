import { IsHexColor, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { CreateDto, IsLocalized, IsNotBlank, Localized, UpdateDto } from '@palabre/platform';

/** A room's fields and their rules, for its create and update bodies. */
class RoomFields {
  @IsString() @MaxLength(100) @IsNotBlank() name: string;
  @IsOptional() @IsInt() @Min(1) @Max(100_000) capacity: number | null;
  @IsInt() @Min(0) @Max(1000) position: number;
}

export class CreateRoomDto extends CreateDto(RoomFields, ['name']) {}
export class UpdateRoomDto extends UpdateDto(RoomFields) {}

/** A track's fields and their rules, for its create and update bodies. */
class TrackFields {
  @IsLocalized({ maxLength: 100 }) name: Localized;
  @IsHexColor() colour: string;
  @IsInt() @Min(0) @Max(1000) position: number;
}

export class CreateTrackDto extends CreateDto(TrackFields, ['name', 'colour']) {}
export class UpdateTrackDto extends UpdateDto(TrackFields) {}
