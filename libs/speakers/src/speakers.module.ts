import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '@palabre/events';
import { IdentityModule } from '@palabre/identity';
import { NotificationsModule } from '@palabre/notifications';
import { SpeakerImport } from './import/speaker-import.entity';
import { SpeakerImportsService } from './import/speaker-imports.service';
import { InviteSpeaker } from './invitations/invite-speaker.usecase';
import { OwnProfileService } from './own-profile/own-profile.service';
import { Speaker } from './speakers/speaker.entity';
import { SpeakersRepository } from './speakers/speakers.repository';
import { SpeakersService } from './speakers/speakers.service';

@Module({
  imports: [TypeOrmModule.forFeature([Speaker, SpeakerImport]), EventsModule, IdentityModule, NotificationsModule],
  providers: [SpeakersRepository, SpeakersService, InviteSpeaker, SpeakerImportsService, OwnProfileService],
  exports: [SpeakersService, InviteSpeaker, SpeakerImportsService, OwnProfileService],
})
export class SpeakersModule {}
