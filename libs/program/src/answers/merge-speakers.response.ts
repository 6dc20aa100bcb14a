import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { IntegerProperty } from '@palabre/platform';
import { SpeakerResponse, toSpeakerResponse } from '@palabre/speakers';
import type { MergedSpeakers } from './merge-speakers.usecase';

/** `POST /api/v1/events/{slug}/speakers/{id}/merge`: the other profile of the same person, folded into this one and deleted. */
export class MergeSpeakerDto {
  @IsUUID('all') otherId: string;
}

export class MergedSpeakerResponse {
  @ApiProperty({ type: SpeakerResponse, description: 'The kept profile, as it now is' }) speaker: SpeakerResponse;
  @IntegerProperty({ description: 'Roles moved from the other profile' }) moved: number;
  @IntegerProperty({ description: 'Roles of the other profile dropped: the kept profile already had a role on that session' }) dropped: number;
}

export function toMergedSpeakerResponse(m: MergedSpeakers): MergedSpeakerResponse {
  return { speaker: toSpeakerResponse(m.kept), moved: m.moved, dropped: m.dropped };
}
