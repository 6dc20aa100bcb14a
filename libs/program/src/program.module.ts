import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '@palabre/events';
import { NotificationsModule } from '@palabre/notifications';
import { SpeakersModule } from '@palabre/speakers';
import { ProgramExportsService } from './exports/program-exports.service';
import { PublishedProgramService } from './published/published-program.service';
import { ProgramChangeNotifier } from './releases/program-change-notifier';
import { ProgramChangeRecipients } from './releases/program-change-recipients';
import { ProgramRelease } from './releases/release.entity';
import { ReleasesRepository } from './releases/releases.repository';
import { ReleasesService } from './releases/releases.service';
import { ProgramSession } from './sessions/session.entity';
import { SessionPerson } from './sessions/session-person.entity';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';

@Module({
  imports: [TypeOrmModule.forFeature([ProgramSession, SessionPerson, ProgramRelease]), EventsModule, SpeakersModule, NotificationsModule],
  providers: [
    SessionsRepository,
    SessionsService,
    ReleasesRepository,
    ReleasesService,
    ProgramChangeNotifier,
    ProgramChangeRecipients,
    PublishedProgramService,
    ProgramExportsService,
  ],
  exports: [SessionsService, ReleasesService, PublishedProgramService, ProgramExportsService, ProgramChangeRecipients],
})
export class ProgramModule {}
