import { Injectable } from '@nestjs/common';
import { CachedResponse, Clock, Locale, RenderedResponse, ResponseCache } from '@palabre/platform';
import { EventsService } from '@palabre/events';
import { ProgramError, PublishedProgramService, ReleasesService } from '@palabre/program';
import { htmlPage } from '../common/html-page';
import { eventCacheKey, JSON_TYPE, PROGRAM_TTL_MS } from '../common/public-cache';
import { renderEventPage } from './event-page';
import { programChoices, toProgramPageModel } from './program-page.model';
import { renderProgramPage } from './program-page';
import { ProgramChoices, ProgramSelection } from './program-query';
import { toEventPageModel, toReleasesPageModel, toSessionPageModel, toSpeakersPageModel } from './public-pages.model';
import { renderReleasesPage } from './releases-page';
import { renderSessionPage } from './session-page';
import { renderSpeakersPage } from './speakers-page';

/**
 * The public pages of an event, built from the services the API uses (the published event,
 * the latest release, the release history) through explicit view models. Each method renders
 * one page; the controller caches what it renders.
 */
@Injectable()
export class PublicPagesService {
  /** Parsed copies of the cached choices, one per cache entry (dropped with it). */
  private readonly parsed = new WeakMap<CachedResponse, ProgramChoices>();

  constructor(
    private readonly events: EventsService,
    private readonly published: PublishedProgramService,
    private readonly releases: ReleasesService,
    private readonly clock: Clock,
    private readonly cache: ResponseCache,
  ) {}

  /**
   * The program's days and filter values, for reading a query before the page's cache lookup.
   * Kept in the response cache under the event's prefix, so a release or an event edit drops
   * it with the pages; EVENT_NOT_FOUND for unknown slugs and drafts.
   */
  async choices(slug: string): Promise<ProgramChoices> {
    const entry = await this.cache.get(eventCacheKey(slug, 'page:choices'), PROGRAM_TTL_MS, async () => {
      const event = await this.events.getPublished(slug);
      return { body: JSON.stringify(programChoices(event, await this.published.latest(event.id))), contentType: JSON_TYPE };
    });
    let choices = this.parsed.get(entry);
    if (!choices) {
      choices = JSON.parse(entry.identity.toString('utf8')) as ProgramChoices;
      this.parsed.set(entry, choices);
    }
    return choices;
  }

  async eventPage(slug: string, locale: Locale): Promise<RenderedResponse> {
    const event = await this.events.getPublished(slug);
    const [program, availability] = await Promise.all([this.published.latest(event.id), this.events.registrationAvailability(event)]);
    return htmlPage(renderEventPage(toEventPageModel(event, program, availability, this.clock.now(), locale)), locale);
  }

  async programPage(slug: string, locale: Locale, selection: ProgramSelection): Promise<RenderedResponse> {
    const event = await this.events.getPublished(slug);
    const program = await this.published.latest(event.id);
    return htmlPage(renderProgramPage(toProgramPageModel(event, program, selection, locale)), locale);
  }

  /** SESSION_NOT_FOUND when the latest release has no session of that number. */
  async sessionPage(slug: string, number: number, locale: Locale): Promise<RenderedResponse> {
    const event = await this.events.getPublished(slug);
    const program = await this.published.latest(event.id);
    const model = program ? toSessionPageModel(event, program, number, locale) : null;
    if (!model) throw new ProgramError('SESSION_NOT_FOUND');
    return htmlPage(renderSessionPage(model), locale);
  }

  async speakersPage(slug: string, locale: Locale): Promise<RenderedResponse> {
    const event = await this.events.getPublished(slug);
    return htmlPage(renderSpeakersPage(toSpeakersPageModel(event, await this.published.latest(event.id), locale)), locale);
  }

  async releasesPage(slug: string, locale: Locale): Promise<RenderedResponse> {
    const event = await this.events.getPublished(slug);
    const [releases, program] = await Promise.all([this.releases.list(event), this.published.latest(event.id)]);
    return htmlPage(renderReleasesPage(toReleasesPageModel(event, releases, program, locale)), locale);
  }
}
