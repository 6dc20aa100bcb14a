export * from './speakers.module';
export { SpeakersService, toPublicSpeaker } from './speakers/speakers.service';
export type { SpeakerView, PublicSpeakerView } from './speakers/speakers.service';
export { CreateSpeakerDto, UpdateSpeakerDto, SpeakerLinkDto } from './speakers/speaker.dto';
export type { SpeakerLink } from './speakers/speaker.entity';
export { SPEAKER_ERRORS, SpeakerError } from './speakers/speaker.errors';
export type { SpeakerErrorCode } from './speakers/speaker.errors';
export { InviteSpeaker, SPEAKER_INVITATION_TTL_HOURS } from './invitations/invite-speaker.usecase';
export type { SpeakerInvitation } from './invitations/invite-speaker.usecase';
