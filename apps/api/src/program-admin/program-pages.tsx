import type { RoomView, TrackView } from '@palabre/events';
import { asset, Locale, Localized, pick, ProblemDocument, renderPage, translator } from '@palabre/platform';
import { EventDay, localTime, SessionView } from '@palabre/program';
import type { SpeakerView } from '@palabre/speakers';
import { CountField, Csrf, ErrorSummary, fieldError, formFields, Notice, PostButton, SelectField, TextAreaField, TextField, Panel } from '../admin/forms';
import { formatDay, formatTime } from '../home/format';
import { ConflictLink } from './conflict';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';
import { EventLayout, may } from './event-layout';
import { GridCell, ProgramGrid } from './program-grid';
import { options, SESSION_ROLE_LABELS, SESSION_STATUS_LABELS, SESSION_STATUS_MARKS, SESSION_TYPE_LABELS } from './program-labels';
import { SessionFormValues, SPARE_PEOPLE_ROWS } from './session-form';
import { TrackSwatch } from './track-swatch';

/** Drag and drop in the grid (progressive enhancement: the edit form does the same without it). */
export const PROGRAM_EDITOR_SCRIPT = asset('program-editor.js');

export type ProgramNotice = 'created' | 'saved' | 'deleted' | 'moved';

/** The page's longer texts, French then English. */
const TEXT = {
  gridHelp: {
    fr: 'Glissez une session vers une autre salle ou une autre heure pour la déplacer ; ou ouvrez-la pour changer ses horaires.',
    en: 'Drag a session to another room or time to move it; or open it to change its times.',
  },
  conflictsLegend: {
    fr: 'Sessions qui partagent un créneau avec une autre dans leur colonne (annulées, sans salle).',
    en: 'Sessions sharing a slot with another in their column (cancelled, without a room).',
  },
  draftHint: {
    fr: 'Un brouillon reste hors des versions publiées ; une session annulée libère sa salle.',
    en: 'A draft stays out of releases; a cancelled session frees its room.',
  },
  panelRule: {
    fr: 'Un panel a une modération et au moins deux panélistes. Laissez vides les lignes en trop.',
    en: 'A panel has one moderator and at least two panelists. Leave spare rows empty.',
  },
  deleteIntro: {
    fr: 'Pour la garder visible comme annulée au public, choisissez plutôt le statut « Annulée ».',
    en: 'To keep it visible as cancelled to the public, set its status to « Cancelled » instead.',
  },
} satisfies Record<string, Localized>;

function dayLabel(day: EventDay, ctx: OrganizerEventContext): string {
  return formatDay(day.start, ctx.event.timeZone, ctx.locale);
}

function timeRange(s: SessionView, ctx: OrganizerEventContext): string {
  return `${formatTime(s.startsAt, ctx.event.timeZone, ctx.locale)}–${formatTime(s.endsAt, ctx.event.timeZone, ctx.locale)}`;
}

/** How the grid marks a person who has not answered, or who declined (an accepted role needs no mark). */
const ANSWER_MARKS = {
  invited: { fr: 'sans réponse', en: 'no answer yet' },
  declined: { fr: 'a décliné', en: 'declined' },
} as const;

function people(s: SessionView, locale: Locale): string {
  return s.people
    .map((p) => {
      const role = pick(SESSION_ROLE_LABELS[p.role], locale);
      return p.answer === 'accepted' ? `${p.name} (${role})` : `${p.name} (${role}, ${pick(ANSWER_MARKS[p.answer], locale)})`;
    })
    .join(', ');
}

/** One session in the grid: its track's colour, its times, type, people, and whether it is a draft or cancelled. */
function SessionBlock(props: { ctx: OrganizerEventContext; session: SessionView; rows?: number }) {
  const { ctx, session: s } = props;
  const t = translator(ctx.locale);
  const title = pick(s.title, ctx.locale);
  return (
    <>
      <TrackSwatch class="pe-bar" colour={s.track?.colour} />
      <a href={eventPath(ctx, `/program/sessions/${s.id}`)} class="pe-title">
        {title}
      </a>
      <span class="pe-time">{timeRange(s, ctx)}</span>
      {s.status !== 'confirmed' ? <span class={`tag pe-mark-${s.status}`}>{pick(SESSION_STATUS_MARKS[s.status], ctx.locale)}</span> : null}
      <span class="pe-meta">
        {pick(SESSION_TYPE_LABELS[s.type], ctx.locale)}
        {s.track ? ` · ${pick(s.track.name, ctx.locale)}` : ''}
      </span>
      {s.people.length > 0 ? <span class="pe-people">{people(s, ctx.locale)}</span> : null}
      {s.people.length === 0 && s.type === 'panel' ? <span class="pe-people">{t('Sans intervenants', 'No people yet')}</span> : null}
    </>
  );
}

function Cell(props: { ctx: OrganizerEventContext; cell: GridCell }) {
  const { cell } = props;
  if (cell.kind === 'free') return <td class="pe-free" data-room={cell.roomId ?? ''} data-time={cell.time} />;
  const s = cell.session;
  return (
    <td
      rowspan={cell.rows}
      class={`pe-session pe-${s.status}`}
      data-id={s.id}
      data-room={s.room?.id ?? ''}
      data-time={localTime(s.startsAt, props.ctx.event.timeZone)}
    >
      <SessionBlock ctx={props.ctx} session={s} />
    </td>
  );
}

/** `/admin/o/{org}/events/{slug}/program?day=N`: the working draft of one day as rooms × time. */
export function renderProgramPage(
  ctx: OrganizerEventContext,
  props: { grid: ProgramGrid; days: EventDay[]; tracks: TrackView[]; notice?: ProgramNotice },
): string {
  const t = translator(ctx.locale);
  const { grid } = props;
  const editable = may(ctx, 'program:write');
  const notices: Record<ProgramNotice, string> = {
    created: t('Session ajoutée.', 'Session added.'),
    saved: t('Session enregistrée.', 'Session saved.'),
    deleted: t('Session supprimée.', 'Session deleted.'),
    moved: t('Session déplacée.', 'Session moved.'),
  };
  const today = dayLabel(grid.day, ctx);
  return renderPage(
    <EventLayout ctx={ctx} tab="program" title={t('Programme', 'Programme')} scripts={editable ? [PROGRAM_EDITOR_SCRIPT] : undefined}>
      <h1>{t('Programme', 'Programme')}</h1>
      <p class="muted">
        {t('Version de travail : le public voit la dernière version publiée.', 'Working draft: the public sees the latest release.')}{' '}
        <a href={eventPath(ctx, '/releases')}>{t('Publier une version', 'Publish a release')}</a>
      </p>
      <Notice text={props.notice ? notices[props.notice] : undefined} />
      <nav aria-label={t('Jours', 'Days')}>
        <ul class="pe-days">
          {props.days.map((d) => (
            <li>
              <a href={`${eventPath(ctx, '/program')}?day=${d.index}`} aria-current={d.index === grid.day.index ? 'page' : undefined}>
                {t(`Jour ${d.index}`, `Day ${d.index}`)} <span class="muted">— {dayLabel(d, ctx)}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <h2>{today}</h2>
      {editable ? (
        <p>
          <a class="button" href={`${eventPath(ctx, '/program/sessions/new')}?day=${grid.day.date}`}>
            {t('Ajouter une session', 'Add a session')}
          </a>
        </p>
      ) : null}
      {grid.columns.length === 0 ? (
        <p class="muted">
          {t('Aucune salle : ', 'No room: ')}
          <a href={eventPath(ctx, '/rooms')}>{t('ajoutez les salles de l’événement', 'add the event’s rooms')}</a>.
        </p>
      ) : null}
      {editable ? (
        <p class="muted pe-js-only" hidden>
          {pick(TEXT.gridHelp, ctx.locale)}
        </p>
      ) : null}
      <div id="pe-status" class="pe-status" role="alert" aria-live="assertive" />
      {props.tracks.length > 0 ? (
        <ul class="pe-legend" aria-label={t('Parcours', 'Tracks')}>
          {props.tracks.map((tr) => (
            <li>
              <TrackSwatch colour={tr.colour} /> {pick(tr.name, ctx.locale)}
            </li>
          ))}
        </ul>
      ) : null}
      {grid.columns.length > 0 ? (
        // Focusable, so that a keyboard can scroll the grid sideways on a narrow screen.
        <div class="table-wrap pe-grid-wrap" role="region" aria-label={t(`Grille du ${today}`, `Grid of ${today}`)} tabindex={0}>
          <table
            class="pe-grid"
            data-date={grid.day.date}
            data-csrf={editable ? ctx.csrf : undefined}
            data-move={editable ? eventPath(ctx, '/program/sessions/{id}/move') : undefined}
            data-new={editable ? eventPath(ctx, '/program/sessions/new') : undefined}
            data-moved={editable ? `${eventPath(ctx, '/program')}?day=${grid.day.index}&done=moved` : undefined}
          >
            <caption class="visually-hidden">
              {t(`Programme du ${today} : les salles en colonnes, les heures en lignes`, `Programme of ${today}: rooms in columns, times in rows`)}
            </caption>
            <thead>
              <tr>
                <th scope="col" class="pe-hour-head">
                  {t('Heure', 'Time')}
                </th>
                {grid.columns.map((c) => (
                  <th scope="col">{c.name}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {grid.rows.map((row) => (
                <tr class={row.hour ? 'pe-hour' : undefined}>
                  <th scope="row" class={row.hour ? undefined : 'pe-minor'}>
                    {row.time}
                  </th>
                  {row.cells.map((cell) => (
                    <Cell ctx={ctx} cell={cell} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {grid.unplaced.length > 0 ? (
        <section aria-labelledby="unplaced-heading">
          <h3 id="unplaced-heading">{t('Aussi ce jour-là', 'Also that day')}</h3>
          <p class="muted">{pick(TEXT.conflictsLegend, ctx.locale)}</p>
          <ul class="pe-items">
            {grid.unplaced.map((s) => (
              <li class={`card pe-session pe-${s.status}`}>
                <SessionBlock ctx={ctx} session={s} /> <span class="pe-meta">{s.room?.name ?? t('Sans salle', 'No room')}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </EventLayout>,
  );
}

const FORM_IDS = {
  titleFr: 'session-title-fr',
  titleEn: 'session-title-en',
  abstractFr: 'session-abstract-fr',
  abstractEn: 'session-abstract-en',
  type: 'session-type',
  status: 'session-status',
  day: 'session-day',
  start: 'session-start',
  end: 'session-end',
  roomId: 'session-room',
  trackId: 'session-track',
  language: 'session-language',
  capacity: 'session-capacity',
};

/** `people.3.speakerId` → `session-person-3` */
function formId(fieldName: string): string {
  const person = /^people\.(\d+)\.(speakerId|role)$/.exec(fieldName);
  if (person) return `session-person-${person[1]}${person[2] === 'role' ? '-role' : ''}`;
  return (FORM_IDS as Record<string, string>)[fieldName] ?? fieldName;
}

export interface SessionPageProps {
  /** Absent for a new session. */
  session?: SessionView;
  values: SessionFormValues;
  days: EventDay[];
  rooms: RoomView[];
  tracks: TrackView[];
  speakers: SpeakerView[];
  problem?: ProblemDocument;
  notice?: ProgramNotice;
}

/** The session form (new or existing): a refused one comes back with its conflict named and linked. */
export function renderSessionPage(ctx: OrganizerEventContext, props: SessionPageProps): string {
  const t = translator(ctx.locale);
  const { values, problem, session } = props;
  const editable = may(ctx, 'program:write');
  const err = (name: string) => fieldError(problem, name);
  const field = formFields(FORM_IDS, values, problem);
  const day = props.days.find((d) => d.date === values.day) ?? props.days[0];
  const back = `${eventPath(ctx, '/program')}?day=${day?.index ?? 1}`;
  const heading = session ? pick(session.title, ctx.locale) : t('Nouvelle session', 'New session');
  const rows = [...values.people, ...Array.from({ length: editable ? SPARE_PEOPLE_ROWS : 0 }, () => ({ speakerId: '', role: 'speaker' }))];
  const ids = Object.fromEntries([...Object.keys(FORM_IDS), ...(problem?.errors ?? []).map((e) => e.field)].map((f) => [f, formId(f)]));
  return renderPage(
    <EventLayout ctx={ctx} tab="program" title={heading}>
      <p>
        <a href={back}>{t('← Retour à la grille', '← Back to the grid')}</a>
      </p>
      <h1>{heading}</h1>
      <Notice text={props.notice === 'saved' ? t('Session enregistrée.', 'Session saved.') : undefined} />
      <ErrorSummary locale={ctx.locale} problem={problem} ids={ids}>
        <ConflictLink ctx={ctx} problem={problem} />
      </ErrorSummary>
      <form method="post" action={session ? eventPath(ctx, `/program/sessions/${session.id}`) : eventPath(ctx, '/program/sessions')} novalidate class="pe-form">
        <Csrf token={ctx.csrf} />
        <fieldset disabled={!editable}>
          <legend>{t('La session', 'The session')}</legend>
          <TextField {...field('titleFr')} label={t('Titre (français)', 'Title (French)')} required />
          <TextField {...field('titleEn')} label={t('Titre (anglais)', 'Title (English)')} />
          <SelectField {...field('type')} label={t('Type', 'Type')} options={options(SESSION_TYPE_LABELS, ctx.locale)} required />
          <SelectField
            {...field('status')}
            label={t('Statut', 'Status')}
            hint={pick(TEXT.draftHint, ctx.locale)}
            options={options(SESSION_STATUS_LABELS, ctx.locale)}
          />
          <TextAreaField {...field('abstractFr')} label={t('Résumé (français)', 'Abstract (French)')} />
          <TextAreaField {...field('abstractEn')} label={t('Résumé (anglais)', 'Abstract (English)')} />
        </fieldset>
        <fieldset disabled={!editable}>
          <legend>{t(`Quand et où (heure de ${ctx.event.timeZone})`, `When and where (${ctx.event.timeZone} time)`)}</legend>
          <SelectField {...field('day')} label={t('Jour', 'Day')} options={props.days.map((d) => ({ value: d.date, label: dayLabel(d, ctx) }))} required />
          <div class="pe-pair">
            <TextField {...field('start')} type="time" step={300} label={t('Début', 'Starts')} required />
            <TextField {...field('end')} type="time" step={300} label={t('Fin', 'Ends')} required />
          </div>
          <SelectField
            {...field('roomId')}
            label={t('Salle', 'Room')}
            options={[
              { value: '', label: t('— Sans salle —', '— No room —') },
              ...props.rooms.map((r) => ({ value: r.id, label: r.capacity ? `${r.name} (${r.capacity})` : r.name })),
            ]}
          />
          <SelectField
            {...field('trackId')}
            label={t('Parcours', 'Track')}
            options={[{ value: '', label: t('— Aucun —', '— None —') }, ...props.tracks.map((tr) => ({ value: tr.id, label: pick(tr.name, ctx.locale) }))]}
          />
          <TextField {...field('language')} label={t('Langue (code : fr, en, bm…)', 'Language (code: fr, en, bm…)')} />
          <CountField {...field('capacity')} label={t('Places à réserver (facultatif, ateliers)', 'Seats to book (optional, workshops)')} />
        </fieldset>
        <fieldset disabled={!editable}>
          <legend>{t('Intervenants', 'People')}</legend>
          <p class="hint muted">
            {pick(TEXT.panelRule, ctx.locale)} <a href={eventPath(ctx, '/speakers')}>{t('Gérer les intervenants', 'Manage speakers')}</a>
          </p>
          {rows.map((p, i) => (
            <div class="pe-person">
              <SelectField
                id={`session-person-${i}`}
                name={`people.${i}.speakerId`}
                label={t(`Personne ${i + 1}`, `Person ${i + 1}`)}
                value={p.speakerId}
                options={[
                  { value: '', label: t('— Personne —', '— Nobody —') },
                  ...props.speakers.map((s) => ({ value: s.id, label: s.organization ? `${s.name} (${s.organization})` : s.name })),
                ]}
                error={err(`people.${i}.speakerId`)}
              />
              <SelectField
                id={`session-person-${i}-role`}
                name={`people.${i}.role`}
                label={t(`Rôle de la personne ${i + 1}`, `Role of person ${i + 1}`)}
                value={p.role}
                options={options(SESSION_ROLE_LABELS, ctx.locale)}
                error={err(`people.${i}.role`)}
              />
            </div>
          ))}
        </fieldset>
        {editable ? (
          <button type="submit">{session ? t('Enregistrer la session', 'Save the session') : t('Ajouter la session', 'Add the session')}</button>
        ) : null}
      </form>
      {session && editable ? (
        <Panel id="delete" title={t('Supprimer', 'Delete')} intro={pick(TEXT.deleteIntro, ctx.locale)}>
          <PostButton action={eventPath(ctx, `/program/sessions/${session.id}/delete`)} csrf={ctx.csrf} kind="danger">
            {t('Supprimer la session', 'Delete the session')}
          </PostButton>
        </Panel>
      ) : null}
    </EventLayout>,
  );
}
