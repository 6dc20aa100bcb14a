import { Injectable } from '@nestjs/common';
import { AppConfig, Locale, pick } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { SpeakersService, SpeakerView } from '@palabre/speakers';
import { ProgramError } from '../program.errors';
import { PublishedProgramService, sessionsOf } from '../published/published-program.service';
import { buildC3vocSchedule, renderScheduleJson, renderScheduleXml } from './c3voc-schedule';
import { renderICalendar } from './icalendar';
import { programLinks } from './program-links';

export interface ExportDocument {
  body: string;
  contentType: string;
  /** For a download name. */
  filename: string;
}

const GENERATOR = { name: 'palabre', version: '0.1.0' };

/** The latest release as files: c3voc schedule.xml and schedule.json, iCalendar, a speaker's own agenda. */
@Injectable()
export class ProgramExportsService {
  constructor(
    private readonly config: AppConfig,
    private readonly published: PublishedProgramService,
    private readonly events: EventsService,
    private readonly speakers: SpeakersService,
  ) {}

  async scheduleJson(event: EventView, locale: Locale): Promise<ExportDocument> {
    const schedule = await this.c3vocSchedule(event, locale);
    return { body: renderScheduleJson(schedule), contentType: 'application/json; charset=utf-8', filename: `${event.slug}-schedule.json` };
  }

  async scheduleXml(event: EventView, locale: Locale): Promise<ExportDocument> {
    const schedule = await this.c3vocSchedule(event, locale);
    const self = programLinks.export(this.config.publicUrl, event.slug, 'schedule.xml');
    return { body: renderScheduleXml(schedule, self), contentType: 'application/xml; charset=utf-8', filename: `${event.slug}-schedule.xml` };
  }

  private async c3vocSchedule(event: EventView, locale: Locale) {
    return buildC3vocSchedule({ event, program: await this.published.latest(event.id), publicUrl: this.config.publicUrl, locale, generator: GENERATOR });
  }

  async calendar(event: EventView, locale: Locale): Promise<ExportDocument> {
    const program = await this.published.latest(event.id);
    const body = renderICalendar({
      event,
      sessions: program?.snapshot.sessions ?? [],
      releaseNumber: program?.number ?? 0,
      publishedAt: program?.publishedAt ?? event.updatedAt,
      publicUrl: this.config.publicUrl,
      locale,
      name: pick(event.title, locale),
    });
    return { body, contentType: 'text/calendar; charset=utf-8', filename: `${event.slug}.ics` };
  }

  /** One released session as iCalendar, for "add to my calendar" (SESSION_NOT_FOUND when the latest release lacks it). */
  async sessionCalendar(event: EventView, sessionId: string, locale: Locale): Promise<ExportDocument> {
    const program = await this.published.latest(event.id);
    const session = program?.snapshot.sessions.find((s) => s.id === sessionId);
    if (!program || !session) throw new ProgramError('SESSION_NOT_FOUND');
    const body = renderICalendar({
      event,
      sessions: [session],
      releaseNumber: program.number,
      publishedAt: program.publishedAt,
      publicUrl: this.config.publicUrl,
      locale,
      name: `${pick(session.title, locale)} — ${pick(event.title, locale)}`,
    });
    return { body, contentType: 'text/calendar; charset=utf-8', filename: `${event.slug}-${session.number}.ics` };
  }

  /** Whose agenda link this is: the speaker and their event (SPEAKER_NOT_FOUND for a wrong id or token). */
  async agendaOwner(speakerId: string, token: string): Promise<{ speaker: SpeakerView; event: EventView }> {
    const speaker = await this.speakers.byAgendaToken(speakerId, token);
    return { speaker, event: await this.events.getById(speaker.eventId) };
  }

  /** A speaker's own sessions in the latest release, as iCalendar, in their language unless asked otherwise. */
  async speakerAgenda(speaker: SpeakerView, event: EventView, locale?: Locale): Promise<ExportDocument> {
    const program = await this.published.latest(event.id);
    const lang = locale ?? speaker.locale;
    const body = renderICalendar({
      event,
      sessions: program ? sessionsOf(program.snapshot, speaker.id) : [],
      releaseNumber: program?.number ?? 0,
      publishedAt: program?.publishedAt ?? event.updatedAt,
      publicUrl: this.config.publicUrl,
      locale: lang,
      name: `${speaker.name} — ${pick(event.title, lang)}`,
    });
    return { body, contentType: 'text/calendar; charset=utf-8', filename: 'agenda.ics' };
  }
}
