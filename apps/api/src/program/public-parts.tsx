import { Locale, NavLink, translator } from '@palabre/platform';
import type { EventLinks, ExportLinks, SessionModel } from './public-common.model';
import { colon } from './public-labels';

export type EventSection = 'event' | 'program' | 'speakers' | 'partners';

/** The sections of an event, in the header of each of its pages. */
export function eventNav(links: EventLinks, current: EventSection): NavLink[] {
  return [
    { href: links.event, label: { fr: 'L’événement', en: 'The event' }, current: current === 'event' },
    { href: links.program, label: { fr: 'Programme', en: 'Program' }, current: current === 'program' },
    { href: links.speakers, label: { fr: 'Intervenants', en: 'Speakers' }, current: current === 'speakers' },
    { href: links.partners, label: { fr: 'Partenaires', en: 'Partners' }, current: current === 'partners' },
  ];
}

/** The page's own style block; its hash goes into the page's Content-Security-Policy. */
export function PageStyle(props: { css: string }) {
  // Built from numbers and checked colours only (see the models), so it needs no escaping.
  return props.css ? <style dangerouslySetInnerHTML={{ __html: props.css }} /> : null;
}

export function TimeRange(props: { session: Pick<SessionModel, 'start' | 'end'> }) {
  const { start, end } = props.session;
  return (
    <>
      <time datetime={start.iso}>{start.label}</time>–<time datetime={end.iso}>{end.label}</time>
    </>
  );
}

/** Type, track and language as words (the track's colour only repeats its name). */
export function SessionTags(props: { session: SessionModel; locale: Locale }) {
  const { session: s } = props;
  const t = translator(props.locale);
  return (
    <p class="tags">
      {/* Spaces between the tags, so they read as words without the stylesheet too. */}
      {s.cancelled ? (
        <>
          <strong class="tag off">{t('Annulée', 'Cancelled')}</strong>{' '}
        </>
      ) : null}
      <span class="tag">{s.type}</span>{' '}
      {s.track ? (
        <>
          <span class="tag track">{s.track.name}</span>{' '}
        </>
      ) : null}
      <span class="tag">
        <span class="visually-hidden">{t('Langue', 'Language') + colon(props.locale)}</span>
        {s.language}
      </span>
    </p>
  );
}

/** "Modération : Rokia Doumbia" — people by role, as one short list. */
export function RoleLines(props: { session: SessionModel; locale: Locale; links?: boolean }) {
  if (props.session.people.length === 0) return null;
  return (
    <ul class="roles">
      {props.session.people.map((g) => (
        <li>
          <span class="role">{g.label}</span>
          {colon(props.locale)}
          {g.people.map((p, i) => (
            <>
              {i > 0 ? ', ' : ''}
              {props.links ? <a href={p.href}>{p.name}</a> : p.name}
            </>
          ))}
        </li>
      ))}
    </ul>
  );
}

export function ExportsSection(props: { exports: ExportLinks; locale: Locale }) {
  const t = translator(props.locale);
  return (
    <section aria-labelledby="exports" class="exports">
      <h2 id="exports">{t('Le programme dans votre agenda', 'The program in your calendar')}</h2>
      <ul>
        <li>
          <a href={props.exports.ics}>{t('Tout le programme (iCal, .ics)', 'The whole program (iCal, .ics)')}</a>
        </li>
        <li>
          <a href={props.exports.xml}>schedule.xml</a> · <a href={props.exports.json}>schedule.json</a>{' '}
          <span class="muted">{t('(pour les applications de programme)', '(for schedule apps)')}</span>
        </li>
      </ul>
    </section>
  );
}

export function Paragraphs(props: { text: string[] }) {
  return (
    <>
      {props.text.map((p) => (
        <p>{p}</p>
      ))}
    </>
  );
}
