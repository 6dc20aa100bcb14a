export * from './speakers.module';
export { SpeakersService, toPublicSpeaker } from './speakers/speakers.service';
export type { SpeakerView, PublicSpeakerView } from './speakers/speakers.service';
export { CreateSpeakerDto, UpdateSpeakerDto, UpdateOwnProfileDto, SpeakerLinkDto } from './speakers/speaker.dto';
export type { SpeakerLink } from './speakers/speaker.entity';
export { SPEAKER_ERRORS, SpeakerError } from './speakers/speaker.errors';
export type { SpeakerErrorCode } from './speakers/speaker.errors';
export { InviteSpeaker, SPEAKER_INVITATION_TTL_HOURS } from './invitations/invite-speaker.usecase';
export type { SpeakerInvitation } from './invitations/invite-speaker.usecase';
export * from './speakers/speaker.response';
export * from './invitations/speaker-invitation.response';
export { SpeakerImportsService, IMPORT_TTL_MINUTES } from './import/speaker-imports.service';
export type { SpeakerImportView } from './import/speaker-imports.service';
export { IMPORT_COLUMNS, IMPORT_MAX_ROWS, nameKey } from './import/speaker-csv';
export type { ImportRow, ImportColumn, ImportedProfile, RowDuplicate, RowProblem } from './import/speaker-csv';
export * from './import/speaker-import.response';
export { OwnProfileService } from './own-profile/own-profile.service';
export type { OwnProfile } from './own-profile/own-profile.service';
export {
  PHOTO_MAX_BYTES,
  PHOTO_MAX_PIXELS,
  PHOTO_SIZES,
  photoPath,
  processPhoto,
  sniffImageType,
  SPEAKER_PHOTO,
  ORGANIZATION_LOGO,
} from './photos/speaker-photo';
export type { SpeakerPhoto, PhotoSize, PhotoFormat, ImageKind } from './photos/speaker-photo';
export * from './own-profile/own-profile.response';
