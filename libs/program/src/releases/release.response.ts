import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateTimeProperty, IntegerProperty, LocalizedText, LocalizedTextProperty, UuidProperty } from '@palabre/platform';
import { SessionPersonResponse } from '../sessions/session.response';
import { CHANGE_KINDS, ChangeKind } from './changelog';
import type { ReleasePreview, ReleaseView } from './releases.service';

/** One side of a change: only what changed is given. */
export class ChangeSideResponse {
  @DateTimeProperty({ optional: true }) startsAt?: string;
  @DateTimeProperty({ optional: true }) endsAt?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The room’s name' }) room?: string | null;
  @ApiPropertyOptional({ type: [SessionPersonResponse] }) people?: SessionPersonResponse[];
}

/** One thing that changed about one session between two releases. */
export class SessionChangeResponse {
  @ApiProperty({ enum: CHANGE_KINDS }) kind: ChangeKind;
  @UuidProperty() sessionId: string;
  @IntegerProperty() number: number;
  @LocalizedTextProperty({ description: 'The title in the newer release (or the last one it had)' }) title: LocalizedText;
  @ApiPropertyOptional({ type: ChangeSideResponse }) before?: ChangeSideResponse;
  @ApiPropertyOptional({ type: ChangeSideResponse }) after?: ChangeSideResponse;
  @ApiPropertyOptional({ type: [String], description: 'For `details-changed`: title, abstract, type, track, language, capacity' }) fields?: string[];
}

/** A published release of the program, with its changelog against the one before. */
export class ReleaseResponse {
  @IntegerProperty({ example: 3 }) number: number;
  @ApiProperty() note: string;
  @DateTimeProperty() publishedAt: string;
  @ApiProperty({ type: [SessionChangeResponse] }) changelog: SessionChangeResponse[];

  @IntegerProperty({ description: 'On publishing only: how many emails the release queued (speakers and participants told of changes)', optional: true })
  notified?: number;
}

/** Something that would refuse the next release. */
export class ReleaseBlockerResponse {
  @ApiProperty({ example: 'PANEL_INCOMPLETE' }) code: string;
  @UuidProperty() sessionId: string;
  @LocalizedTextProperty() title: LocalizedText;
}

export class ReleaseProfileResponse {
  @UuidProperty() id: string;
  @ApiProperty() name: string;
}

/** What publishing now would change, and what stops it; nothing is written. */
export class ReleasePreviewResponse {
  @IntegerProperty({ nullable: true, description: 'The release the draft is compared with; null before the first' }) basedOn: number | null;
  @IntegerProperty() nextNumber: number;
  @ApiProperty({ type: [SessionChangeResponse] }) changelog: SessionChangeResponse[];
  @ApiProperty({ type: [ReleaseBlockerResponse] }) blockers: ReleaseBlockerResponse[];

  @ApiProperty({ type: [ReleaseProfileResponse], description: 'Speakers whose public profile (bio, photo…) the release would update' })
  profiles: ReleaseProfileResponse[];
}

export function toReleaseResponse(r: ReleaseView): ReleaseResponse {
  return {
    number: r.number,
    note: r.note,
    publishedAt: r.publishedAt.toISOString(),
    changelog: r.changelog,
    ...(r.notified !== undefined ? { notified: r.notified } : {}),
  };
}

export function toPreviewResponse(p: ReleasePreview): ReleasePreviewResponse {
  return { basedOn: p.basedOn, nextNumber: (p.basedOn ?? 0) + 1, changelog: p.changelog, blockers: p.blockers, profiles: p.profiles };
}
