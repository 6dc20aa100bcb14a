import { Module, OnModuleInit } from '@nestjs/common';
import { JobRunner } from '@palabre/platform';
import { IdentityModule } from '@palabre/identity';
import { AnswerDigest } from './answers/answer-digest.job';
import { AnswersOverview } from './answers/answers-overview.service';
import { MergeSpeakers } from './answers/merge-speakers.usecase';
import { SpeakerReminders } from './answers/speaker-reminders.job';
import { SpeakerRolesRepository } from './answers/speaker-roles.repository';
import { SpeakerSessionsService } from './answers/speaker-sessions.service';
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
  imports: [TypeOrmModule.forFeature([ProgramSession, SessionPerson, ProgramRelease]), EventsModule, SpeakersModule, NotificationsModule, IdentityModule],
  providers: [
    SessionsRepository,
    SessionsService,
    ReleasesRepository,
    ReleasesService,
    ProgramChangeNotifier,
    ProgramChangeRecipients,
    PublishedProgramService,
    ProgramExportsService,
    SpeakerRolesRepository,
    SpeakerSessionsService,
    AnswersOverview,
    MergeSpeakers,
    AnswerDigest,
    SpeakerReminders,
  ],
  exports: [
    SessionsService,
    ReleasesService,
    PublishedProgramService,
    ProgramExportsService,
    ProgramChangeRecipients,
    SpeakerSessionsService,
    AnswersOverview,
    MergeSpeakers,
    AnswerDigest,
    SpeakerReminders,
  ],
})
export class ProgramModule implements OnModuleInit {
  constructor(
    private readonly runner: JobRunner,
    private readonly digest: AnswerDigest,
    private readonly reminders: SpeakerReminders,
  ) {}

  onModuleInit(): void {
    // Registered in every process; only the worker (or the api when alone) starts the runner.
    this.runner.register(this.digest);
    this.runner.register(this.reminders);
  }
}
