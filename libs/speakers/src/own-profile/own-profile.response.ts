import { ApiProperty } from '@nestjs/swagger';
import { LocalizedText, LocalizedTextProperty } from '@palabre/platform';
import { PublicSpeakerResponse, toPublicSpeakerResponse } from '../speakers/speaker.response';
import type { OwnProfile } from './own-profile.service';

export class OwnProfileEventResponse {
  @ApiProperty({ example: 'forum-job-cluster' }) slug: string;
  @LocalizedTextProperty() title: LocalizedText;
}

/** The signed-in speaker's own profile at one event: the public fields they edit (never the organizers' private ones). */
export class OwnSpeakerProfileResponse extends PublicSpeakerResponse {
  @ApiProperty({ type: OwnProfileEventResponse }) event: OwnProfileEventResponse;
}

export function toOwnSpeakerProfileResponse(p: OwnProfile): OwnSpeakerProfileResponse {
  return { ...toPublicSpeakerResponse(p.speaker), event: { slug: p.event.slug, title: p.event.title } };
}
