import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { DateTimeProperty, LocalizedText, LocalizedTextProperty, UuidProperty } from '@palabre/platform';
import { PHOTO_SIZES, photoPath, type SpeakerPhoto } from '../photos/speaker-photo';
import { publicProfile, type PublicSpeakerView, type SpeakerView } from './speakers.service';

export class SpeakerLinkResponse {
  @ApiProperty({ format: 'uri' }) url: string;
  @ApiPropertyOptional() title?: string;
}

/** One size of a photo, square, in WebP and in JPEG (for older browsers). */
export class SpeakerPhotoSizeResponse {
  @ApiProperty({ enum: PHOTO_SIZES, description: 'The size asked for; a smaller original is not enlarged' }) size: number;
  @ApiProperty({ example: 320 }) width: number;
  @ApiProperty({ example: 320 }) height: number;

  @ApiProperty({
    format: 'uri-reference',
    example: '/media/photos/4f1c…-320.webp',
    description: 'Path on this server; the file never changes (immutable cache)',
  })
  webp: string;

  @ApiProperty({ format: 'uri-reference', example: '/media/photos/4f1c…-320.jpg' }) jpeg: string;
}

export class SpeakerPhotoResponse {
  @ApiProperty({ type: [SpeakerPhotoSizeResponse] }) sizes: SpeakerPhotoSizeResponse[];
}

export function toSpeakerPhotoResponse(photo: SpeakerPhoto | null | undefined): SpeakerPhotoResponse | null {
  if (!photo) return null;
  return {
    sizes: photo.sizes.map((s) => ({ ...s, webp: photoPath(photo.hash, s.size, 'webp'), jpeg: photoPath(photo.hash, s.size, 'jpg') })),
  };
}

/** What organizers see of a speaker, private contact details included. */
export class SpeakerResponse {
  @UuidProperty() id: string;
  @ApiProperty({ example: 'Aminata Diallo' }) name: string;
  @ApiProperty({ example: 'Directrice' }) title: string;
  @ApiProperty() organization: string;
  @LocalizedTextProperty() bio: LocalizedText;
  @ApiProperty({ type: [SpeakerLinkResponse] }) links: SpeakerLinkResponse[];
  @ApiProperty({ type: [String], description: 'ISO 639 codes', example: ['fr', 'bm'] }) languages: string[];
  @ApiProperty({ type: SpeakerPhotoResponse, nullable: true, description: 'Null until the speaker sends a photo' }) photo: SpeakerPhotoResponse | null;
  @ApiProperty({ type: String, format: 'email', nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'E.164' }) phone: string | null;
  @ApiProperty({ enum: ['fr', 'en'] }) locale: 'fr' | 'en';
  @ApiProperty({ description: 'Whether an invitation linked a user account to the profile' }) accountLinked: boolean;
  @DateTimeProperty({ nullable: true, description: 'When the last invitation was sent' }) invitedAt: string | null;
}

/** A public profile: never an email or a phone. */
export class PublicSpeakerResponse extends PickType(SpeakerResponse, ['id', 'name', 'title', 'organization', 'bio', 'links', 'languages', 'photo'] as const) {}

/** A speaker’s secret link to their own agenda (iCalendar); issuing one revokes the previous. */
export class AgendaLinkResponse {
  @ApiProperty({ format: 'uri' }) url: string;
}

export function toSpeakerResponse(s: SpeakerView): SpeakerResponse {
  return {
    ...toPublicSpeakerResponse(s),
    email: s.email,
    phone: s.phone,
    locale: s.locale,
    accountLinked: s.userId !== null,
    invitedAt: s.invitedAt?.toISOString() ?? null,
  };
}

/** From a profile or from a release's frozen copy of it. */
export function toPublicSpeakerResponse(s: PublicSpeakerView): PublicSpeakerResponse {
  return {
    id: s.id,
    ...publicProfile(s),
    photo: toSpeakerPhotoResponse(s.photo),
  };
}
