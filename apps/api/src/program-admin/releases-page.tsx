import { Localized, pick, ProblemDocument, renderPage, translate, translator } from '@palabre/platform';
import type { ChangeSide, ReleasePreview, ReleaseView, SessionChange, SessionView } from '@palabre/program';
import { formatMoment } from '../admin/format';
import { Csrf, ErrorSummary, fieldError, Notice, TextAreaField, Panel } from '../admin/forms';
import { formatDay, formatTime } from '../home/format';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';
import { EventLayout, may } from './event-layout';
import { BLOCKER_LABELS, CHANGE_KIND_LABELS, SESSION_ROLE_LABELS } from './program-labels';

/** The page's longer texts, French then English. */
const TEXT = {
  releasesIntro: {
    fr: 'Le public ne voit que la dernière version publiée. Publier fige le programme de travail en une nouvelle version numérotée.',
    en: 'The public only sees the latest release. Publishing freezes the working draft as a new numbered release.',
  },
  published: {
    fr: 'Version {number} publiée : le public la voit, et les personnes concernées par un changement sont prévenues par e-mail.',
    en: 'Release {number} published: the public sees it, and the people a change concerns are told by email.',
  },
} satisfies Record<string, Localized>;

/** Where and when one side of a change puts the session, in the event's zone. */
function side(ctx: OrganizerEventContext, s: ChangeSide | undefined): string {
  if (!s) return '';
  const t = translator(ctx.locale);
  const parts: string[] = [];
  if (s.startsAt && s.endsAt) {
    const zone = ctx.event.timeZone;
    const start = new Date(s.startsAt);
    parts.push(`${formatDay(start, zone, ctx.locale)} ${formatTime(start, zone, ctx.locale)}–${formatTime(new Date(s.endsAt), zone, ctx.locale)}`);
  }
  if (s.room !== undefined) parts.push(s.room ?? t('sans salle', 'no room'));
  if (s.people) parts.push(s.people.map((p) => `${p.name} (${pick(SESSION_ROLE_LABELS[p.role], ctx.locale)})`).join(', ') || t('personne', 'nobody'));
  return parts.join(' · ');
}

/** The changelog as a list a person reads: what happened to which session, before → after. */
function Changelog(props: { ctx: OrganizerEventContext; changes: SessionChange[]; links: boolean }) {
  const { ctx } = props;
  const t = translator(ctx.locale);
  return (
    <ul class="pe-changes">
      {props.changes.map((c) => {
        const title = pick(c.title, ctx.locale);
        const before = side(ctx, c.before);
        const after = side(ctx, c.after);
        return (
          <li class={`pe-change pe-change-${c.kind}`}>
            <span class="tag">{pick(CHANGE_KIND_LABELS[c.kind], ctx.locale)}</span>{' '}
            {props.links ? <a href={eventPath(ctx, `/program/sessions/${c.sessionId}`)}>{title}</a> : <strong>{title}</strong>}
            {before && after ? (
              <span class="pe-sides">
                {' '}
                : {before} <span aria-hidden="true">→</span>
                <span class="visually-hidden">{t(' devient ', ' becomes ')}</span> {after}
              </span>
            ) : before || after ? (
              <span class="pe-sides"> : {before || after}</span>
            ) : null}
            {c.fields?.length ? <span class="muted"> ({c.fields.join(', ')})</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

export interface ReleasesPageProps {
  preview: ReleasePreview;
  releases: ReleaseView[];
  note: string;
  problem?: ProblemDocument;
  published?: boolean;
  /** The working draft's sessions: who has not answered yet, and who declined. */
  sessions?: SessionView[];
}

/** The people of the sessions to be released who have not answered, and those who declined. */
function Answers(props: { ctx: OrganizerEventContext; sessions: SessionView[] }) {
  const { ctx } = props;
  const t = translator(ctx.locale);
  const live = props.sessions.filter((s) => s.status === 'confirmed');
  const list = (answer: 'invited' | 'declined') => live.flatMap((s) => s.people.filter((p) => p.answer === answer).map((p) => ({ s, p })));
  const waiting = list('invited');
  const declined = list('declined');
  if (waiting.length === 0 && declined.length === 0) return null;
  const Item = (i: { s: SessionView; p: SessionView['people'][number] }) => (
    <li>
      <strong>{i.p.name}</strong> ({pick(SESSION_ROLE_LABELS[i.p.role], ctx.locale)}) —{' '}
      <a href={eventPath(ctx, `/program/sessions/${i.s.id}`)}>{pick(i.s.title, ctx.locale)}</a>
      {i.p.answerNote ? <span class="muted"> — « {i.p.answerNote} »</span> : null}
    </li>
  );
  return (
    <Panel id="answers" title={t('Réponses des intervenants', "Speakers' answers")} plain>
      {declined.length > 0 ? (
        <>
          <h3>{t(`Ont décliné (${declined.length})`, `Declined (${declined.length})`)}</h3>
          <p class="muted">{t('Ils ne seront pas publiés sur ces sessions.', 'They will not be released on these sessions.')}</p>
          <ul>{declined.map(Item)}</ul>
        </>
      ) : null}
      {waiting.length > 0 ? (
        <>
          <h3>{t(`N’ont pas encore répondu (${waiting.length})`, `Have not answered yet (${waiting.length})`)}</h3>
          <ul>{waiting.map(Item)}</ul>
        </>
      ) : null}
    </Panel>
  );
}

/**
 * `/admin/o/{org}/events/{slug}/releases`: what the next release would change against the
 * latest (added, moved, cancelled, room or people changed), what stops it, a note and the
 * button; then the past releases, latest first.
 */
export function renderReleasesPage(ctx: OrganizerEventContext, props: ReleasesPageProps): string {
  const t = translator(ctx.locale);
  const { preview } = props;
  const next = (preview.basedOn ?? 0) + 1;
  const editable = may(ctx, 'program:write');
  const unchanged = preview.changelog.length === 0 && preview.profiles.length === 0;
  const latest = props.releases[0];
  return renderPage(
    <EventLayout ctx={ctx} tab="releases" title={t('Publication', 'Releases')}>
      <h1>{t('Publication du programme', 'Programme releases')}</h1>
      <Notice text={props.published && latest ? translate(TEXT.published, ctx.locale, { number: latest.number }) : undefined} />
      <p class="muted">{pick(TEXT.releasesIntro, ctx.locale)}</p>
      <ErrorSummary locale={ctx.locale} problem={props.problem} ids={{ note: 'release-note' }} />

      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading">
          {preview.basedOn === null
            ? t(`Version ${next} : la première`, `Release ${next}: the first`)
            : t(`Version ${next} : changements depuis la version ${preview.basedOn}`, `Release ${next}: changes since release ${preview.basedOn}`)}
        </h2>
        {unchanged ? (
          <p>
            {preview.basedOn === null
              ? t('Aucune session confirmée à publier.', 'No confirmed session to release.')
              : t(`Rien n'a changé depuis la version ${preview.basedOn}.`, `Nothing has changed since release ${preview.basedOn}.`)}
          </p>
        ) : preview.changelog.length > 0 ? (
          <Changelog ctx={ctx} changes={preview.changelog} links />
        ) : null}
        {preview.profiles.length > 0 ? (
          <p>
            {t('Profils d’intervenants mis à jour : ', 'Speaker profiles updated: ')}
            {preview.profiles.map((p, i) => (
              <>
                {i > 0 ? ', ' : null}
                <a href={eventPath(ctx, `/speakers/${p.id}`)}>{p.name}</a>
              </>
            ))}
            .
          </p>
        ) : null}
      </section>

      {preview.blockers.length > 0 ? (
        <section class="error" aria-labelledby="blockers-heading">
          <h2 id="blockers-heading">{t('À corriger avant de publier', 'To fix before releasing')}</h2>
          <ul>
            {preview.blockers.map((b) => (
              <li>
                <a href={eventPath(ctx, `/program/sessions/${b.sessionId}`)}>{pick(b.title, ctx.locale)}</a> —{' '}
                {pick(BLOCKER_LABELS[b.code] ?? { fr: b.code }, ctx.locale)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {props.sessions ? <Answers ctx={ctx} sessions={props.sessions} /> : null}

      {editable && !unchanged && preview.blockers.length === 0 ? (
        <form method="post" action={eventPath(ctx, '/releases')} novalidate class="pe-form">
          <Csrf token={ctx.csrf} />
          <TextAreaField
            id="release-note"
            name="note"
            rows={3}
            label={t('Note de version (facultatif)', 'Release note (optional)')}
            hint={t('Ex. « Panel emploi des jeunes déplacé en salle 2 ».', 'E.g. “Youth employment panel moved to room 2”.')}
            value={props.note}
            error={fieldError(props.problem, 'note')}
          />
          <button type="submit">{t(`Publier la version ${next}`, `Publish release ${next}`)}</button>
        </form>
      ) : null}

      <Panel id="past" title={t('Versions publiées', 'Published releases')} plain>
        {props.releases.length === 0 ? (
          <p class="muted">{t('Aucune version publiée pour l’instant.', 'No release yet.')}</p>
        ) : (
          props.releases.map((r) => (
            <details class="card pe-release" open={r === latest}>
              <summary>
                <strong>{t(`Version ${r.number}`, `Release ${r.number}`)}</strong> — {formatMoment(r.publishedAt, ctx.locale)}
                {r.note ? ` — ${r.note}` : ''}
              </summary>
              {r.changelog.length === 0 ? (
                <p class="muted">{t('Aucun changement.', 'No change.')}</p>
              ) : (
                <Changelog ctx={ctx} changes={r.changelog} links={false} />
              )}
            </details>
          ))
        )}
      </Panel>
    </EventLayout>,
  );
}
