import { Locale, pick, renderPage, translator } from '@palabre/platform';
import type { SpeakerSessionView } from '@palabre/program';
import { Csrf, Notice } from '../admin/forms';
import { formatDay, formatTime } from '../home/format';
import { AdminContext } from '../admin/admin-context';
import { PortalLayout } from '../portal/portal-layout';
import { SESSION_ROLE_LABELS, SESSION_TYPE_LABELS } from '../program-admin/program-labels';

export type SpeakerSessionsNotice = 'accepted' | 'declined';

const ANSWER_LABELS = {
  invited: { fr: 'En attente de votre réponse', en: 'Waiting for your answer' },
  accepted: { fr: 'Vous avez accepté', en: 'You accepted' },
  declined: { fr: 'Vous avez décliné', en: 'You declined' },
} as const;

function when(s: SpeakerSessionView, locale: Locale): string {
  const zone = s.event.timeZone;
  return `${formatDay(s.session.startsAt, zone, locale)}, ${formatTime(s.session.startsAt, zone, locale)}–${formatTime(s.session.endsAt, zone, locale)} (${zone})`;
}

function SessionCard(props: { ctx: AdminContext; s: SpeakerSessionView }) {
  const { ctx, s } = props;
  const t = translator(ctx.locale);
  const id = `session-${s.session.id}`;
  const noteId = `${id}-note`;
  return (
    <li class="card" id={id}>
      <h3>{pick(s.session.title, ctx.locale)}</h3>
      <p>
        {when(s, ctx.locale)}
        {s.session.room ? ` — ${t('salle', 'room')} ${s.session.room}` : ''}
        <br />
        {pick(SESSION_TYPE_LABELS[s.session.type], ctx.locale)} — {t('votre rôle :', 'your role:')}{' '}
        <strong>{pick(SESSION_ROLE_LABELS[s.role], ctx.locale)}</strong>
        {s.session.status === 'draft' ? <span class="muted"> — {t('session provisoire', 'tentative session')}</span> : null}
      </p>
      <p>
        <strong class={`answer-${s.answer}`}>{pick(ANSWER_LABELS[s.answer], ctx.locale)}</strong>
        {s.answerNote ? (
          <span class="muted">
            {' '}
            — {t('votre message :', 'your note:')} « {s.answerNote} »
          </span>
        ) : null}
      </p>
      {s.people.length > 0 ? (
        <>
          <h4>{t('Avec', 'With')}</h4>
          <ul>
            {s.people.map((p) => (
              <li>
                <strong>{p.name}</strong> ({pick(SESSION_ROLE_LABELS[p.role], ctx.locale)})
                {p.title || p.organization ? `, ${[p.title, p.organization].filter(Boolean).join(', ')}` : ''}
                {p.bio && pick(p.bio, ctx.locale) ? <p class="muted">{pick(p.bio, ctx.locale)}</p> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <form method="post" action={`/intervenant/sessions/${s.session.id}/answer`}>
        <Csrf token={ctx.csrf} />
        <p>
          <label for={noteId}>{t('Un mot pour les organisateurs (facultatif)', 'A note to the organizers (optional)')}</label>
          <textarea id={noteId} name="note" rows={2} maxlength={1000}>
            {s.answerNote ?? ''}
          </textarea>
        </p>
        <p>
          <button type="submit" name="answer" value="accepted">
            {t('J’accepte', 'I accept')}
            <span class="visually-hidden"> — {pick(s.session.title, ctx.locale)}</span>
          </button>{' '}
          <button type="submit" name="answer" value="declined" class="secondary">
            {t('Je décline', 'I decline')}
            <span class="visually-hidden"> — {pick(s.session.title, ctx.locale)}</span>
          </button>
        </p>
      </form>
    </li>
  );
}

/** `/intervenant/sessions`: the speaker's sessions by event, each with Accept and Decline (no script needed). */
export function renderSpeakerSessionsPage(ctx: AdminContext, sessions: SpeakerSessionView[], notice?: SpeakerSessionsNotice): string {
  const t = translator(ctx.locale);
  const events = [...new Map(sessions.map((s) => [s.event.id, s.event])).values()];
  const notices: Record<SpeakerSessionsNotice, string> = {
    accepted: t('Merci : votre participation est confirmée.', 'Thank you: your participation is confirmed.'),
    declined: t('C’est noté : les organisateurs sont prévenus.', 'Noted: the organizers have been told.'),
  };
  return renderPage(
    <PortalLayout ctx={ctx} title={t('Mes sessions', 'My sessions')} section="sessions">
      <h1>{t('Mes sessions', 'My sessions')}</h1>
      <Notice text={notice ? notices[notice] : undefined} />
      {sessions.length === 0 ? <p class="muted">{t('Aucune session ne vous est attribuée pour l’instant.', 'No session is assigned to you yet.')}</p> : null}
      {events.map((e) => {
        const mine = sessions.filter((s) => s.event.id === e.id);
        return (
          <section aria-labelledby={`event-${e.id}`}>
            <h2 id={`event-${e.id}`}>{pick(e.title, ctx.locale)}</h2>
            <p>
              <a href={`/intervenant/sessions/profiles/${mine[0].speakerId}/agenda.ics`}>{t('Télécharger mon agenda (.ics)', 'Download my agenda (.ics)')}</a>{' '}
              <span class="muted">{t('— les sessions publiées du programme', '— the published sessions of the programme')}</span>
            </p>
            <ul class="cards">
              {mine.map((s) => (
                <SessionCard ctx={ctx} s={s} />
              ))}
            </ul>
          </section>
        );
      })}
    </PortalLayout>,
  );
}
