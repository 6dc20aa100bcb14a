import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsInstant } from '@palabre/platform';

/** `POST /api/v1/events/{slug}/check-ins`: a ticket code as scanned or typed, at the entrance or a session's door. */
export class CheckInDto {
  @IsString() @MaxLength(40) @Matches(/^[\w -]+$/, { message: 'must be a ticket code' }) code: string;
  @IsOptional() @IsUUID() sessionId?: string;
}

export class QueuedScanDto extends CheckInDto {
  @IsString() @Matches(/^[\w-]{6,64}$/, { message: 'must be 6 to 64 letters, digits, _ or -' }) nonce: string;

  /** When the device scanned it (kept as the check-in time). */
  @IsInstant() scannedAt: string;
}

/** `POST /api/v1/events/{slug}/check-ins/batch`: a desk's offline queue. */
export class CheckInBatchDto {
  @IsString() @Matches(/^[\w-]{6,64}$/, { message: 'must be 6 to 64 letters, digits, _ or -' }) deviceId: string;
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => QueuedScanDto) scans: QueuedScanDto[];
}

export class RosterQueryDto {
  /** The cursor of the previous roster: only what changed since. */
  @IsOptional() @Matches(/^\d{1,19}$/, { message: 'must be a cursor from a previous roster' }) since?: string;
}
