import type { EventView } from '@palabre/events';
import { Locale, pick, translator } from '@palabre/platform';
import { eventDays, filterSessions, localDate, programFacets, programLinks, toZonedIso, type EventDay, type PublishedProgram } from '@palabre/program';
import { ProgramChoices, PROGRAM_PARAMS, ProgramSelection, selectionQuery } from './program-query';
import { formatDate, languageName, SESSION_TYPE_LABELS } from './public-labels';
import { cssColour, eventDatesLabel, eventLinks, exportLinks, ExportLinks, speakerNumbers, SessionModel, toSessionModel } from './public-common.model';
import { gridAreaCss, timetableGrid } from './timetable-grid';

export interface TimetableSessionModel extends SessionModel {
  /** Classes of the item: its grid placement and its track colour. */
  classes: string;
}

export interface TimetableDayModel {
  index: number;
  label: string;
  headingId: string;
  classes: string;
  heads: { name: string; classes: string }[];
  times: { label: string; classes: string }[];
  sessions: TimetableSessionModel[];
}

export interface SelectModel {
  name: string;
  id: string;
  label: string;
  all: string;
  options: { value: string; label: string; selected: boolean }[];
}

export interface ProgramPageModel {
  locale: Locale;
  /** The page's own address (its canonical query), for the language switch. */
  path: string;
  event: { slug: string; title: string; href: string; dates: string; startIso: string };
  release: { number: number; publishedAt: string; publishedIso: string; note: string } | null;
  days: { label: string; href: string; current: boolean }[];
  allDays: { href: string; current: boolean };
  form: { action: string; hidden: { name: string; value: string }[]; selects: SelectModel[]; active: boolean; resetHref: string };
  count: number;
  sections: TimetableDayModel[];
  /** The page's own style: grid placements and track colours (allowed by hash in the page's CSP). */
  css: string;
  exports: ExportLinks;
}

/** What the program page needs to know before its cache lookup: the choices its query is read against. */
export function programChoices(event: EventView, program: PublishedProgram | null): ProgramChoices {
  const facets = program ? programFacets(program.snapshot) : { tracks: [], rooms: [], types: [], languages: [] };
  return {
    release: program?.number ?? 0,
    timeZone: event.timeZone,
    days: eventDays(event).map((d) => ({ index: d.index, date: d.date, start: d.start.getTime(), end: d.end.getTime() })),
    trackIds: facets.tracks.map((t) => t.id),
    roomIds: facets.rooms.map((r) => r.id),
    types: facets.types,
    languages: facets.languages,
  };
}

const dayLabel = (day: EventDay, event: EventView, locale: Locale) => formatDate(day.start, event.timeZone, locale, 'day');

/**
 * The program page: the latest release, one day or all, narrowed by the filters; each day a
 * list in time order that a wide screen lays out as a timetable (rooms side by side).
 */
export function toProgramPageModel(event: EventView, program: PublishedProgram | null, selection: ProgramSelection, locale: Locale): ProgramPageModel {
  const t = translator(locale);
  const base = programLinks.program('', event.slug);
  const days = eventDays(event);
  const snapshot = program?.snapshot;
  const facets = snapshot ? programFacets(snapshot) : { tracks: [], rooms: [], types: [], languages: [] };
  const numbers = speakerNumbers(snapshot?.speakers ?? []);
  const trackClass = new Map((snapshot?.tracks ?? []).map((track, i) => [track.id, `k${i}`]));
  const roomOrder = (snapshot?.rooms ?? []).map((r) => r.id);

  const matching = filterSessions(snapshot?.sessions ?? [], selection.filter);
  const shownDays = selection.day === 'all' ? days : days.filter((d) => d.index === selection.day);
  const gridRules: string[] = [];
  const sections: TimetableDayModel[] = [];
  for (const day of shownDays) {
    const sessions = matching.filter((s) => localDate(new Date(s.startsAt), event.timeZone) === day.date);
    if (sessions.length === 0 && selection.day === 'all') continue;
    const grid = timetableGrid(sessions, roomOrder);
    const rank = new Map(grid.columns.map((c, i) => [c.roomId, i]));
    const ordered = [...sessions].sort(
      (a, b) => a.startsAt.localeCompare(b.startsAt) || (rank.get(a.room?.id ?? null) ?? -1) - (rank.get(b.room?.id ?? null) ?? -1) || a.number - b.number,
    );
    gridRules.push(`.tt${day.index}{grid-template-columns:4rem repeat(${grid.width},minmax(0,1fr))}`);
    const heads = grid.columns.map((c, i) => {
      gridRules.push(`.h${day.index}-${i}{${gridAreaCss(c.area)}}`);
      return { name: c.name ?? t('Autres lieux', 'Other places'), classes: `rh h${day.index}-${i}` };
    });
    const times = grid.times.map((m, i) => {
      gridRules.push(`.m${day.index}-${i}{${gridAreaCss(m.area)}}`);
      return { label: toZonedIso(new Date(m.at), event.timeZone).slice(11, 16), classes: `th m${day.index}-${i}` };
    });
    sections.push({
      index: day.index,
      label: dayLabel(day, event, locale),
      headingId: `jour-${day.index}`,
      classes: `tt tt${day.index}`,
      heads,
      times,
      sessions: ordered.map((s) => {
        gridRules.push(`.g${s.number}{${gridAreaCss(grid.areas.get(s.id)!)}}`);
        const track = s.track ? trackClass.get(s.track.id) : undefined;
        return {
          ...toSessionModel(s, event, numbers, locale),
          classes: ['slot', `g${s.number}`, track, s.status === 'cancelled' ? 'cancelled' : undefined].filter(Boolean).join(' '),
        };
      }),
    });
  }
  // Colours of the tracks on the page only; the name is always written too (colour is never the only clue).
  const shownTracks = new Set(matching.map((s) => s.track?.id));
  const trackRules = (snapshot?.tracks ?? []).flatMap((track, i) => {
    const colour = cssColour(track.colour);
    return colour && shownTracks.has(track.id) ? [`.k${i}{--track:${colour}}`] : [];
  });

  const query = (day: number | 'all') => base + selectionQuery(selection, locale, day);
  const select = (name: string, label: string, all: string, options: { value: string; label: string }[], current: string | undefined): SelectModel => ({
    name,
    id: `f-${name}`,
    label,
    all,
    options: options.map((o) => ({ ...o, selected: o.value === current })),
  });
  const f = selection.filter;
  return {
    locale,
    path: base + selectionQuery(selection, 'fr'),
    event: {
      slug: event.slug,
      title: pick(event.title, locale),
      href: eventLinks(event.slug, locale).event,
      dates: eventDatesLabel(event, locale),
      startIso: toZonedIso(event.startsAt, event.timeZone),
    },
    release: program
      ? {
          number: program.number,
          publishedAt: formatDate(program.publishedAt, event.timeZone, locale, 'dateTime'),
          publishedIso: toZonedIso(program.publishedAt, event.timeZone),
          note: program.note,
        }
      : null,
    days: days.map((d) => ({ label: dayLabel(d, event, locale), href: query(d.index), current: selection.day === d.index })),
    allDays: { href: query('all'), current: selection.day === 'all' },
    form: {
      action: base,
      hidden: [
        ...(selection.dayChosen ? [{ name: PROGRAM_PARAMS.day, value: selection.day === 'all' ? 'tous' : String(selection.day) }] : []),
        ...(locale === 'fr' ? [] : [{ name: 'lang', value: locale }]),
      ],
      selects: [
        select(
          PROGRAM_PARAMS.track,
          t('Parcours', 'Track'),
          t('Tous les parcours', 'All tracks'),
          facets.tracks.map((x) => ({ value: x.id, label: pick(x.name, locale) })),
          f.trackId,
        ),
        select(
          PROGRAM_PARAMS.room,
          t('Salle', 'Room'),
          t('Toutes les salles', 'All rooms'),
          facets.rooms.map((x) => ({ value: x.id, label: x.name })),
          f.roomId,
        ),
        select(
          PROGRAM_PARAMS.type,
          t('Type', 'Type'),
          t('Tous les types', 'All types'),
          facets.types.map((x) => ({ value: x, label: pick(SESSION_TYPE_LABELS[x], locale) })),
          f.type,
        ),
        select(
          PROGRAM_PARAMS.language,
          t('Langue', 'Language'),
          t('Toutes les langues', 'All languages'),
          facets.languages.map((x) => ({ value: x, label: languageName(x, locale) })),
          f.language,
        ),
      ],
      active: Object.keys(f).length > 0,
      resetHref: base + selectionQuery({ ...selection, filter: {} }, locale),
    },
    count: sections.reduce((n, s) => n + s.sessions.length, 0),
    sections,
    css: trackRules.join('') + (gridRules.length ? `@media (min-width:60rem){${gridRules.join('')}}` : ''),
    exports: exportLinks(event.slug, locale),
  };
}
