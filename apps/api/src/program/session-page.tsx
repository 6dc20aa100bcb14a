import { Layout, renderPage, translator } from '@palabre/platform';
import type { SessionPageModel } from './public-pages.model';
import { inSentence } from './public-labels';
import { eventNav, PageStyle, Paragraphs, TimeRange } from './public-parts';
import { Avatar } from './speaker-photo';

export function renderSessionPage(m: SessionPageModel): string {
  const t = translator(m.locale);
  const s = m.session;
  // The track's colour as a swatch beside its name (allowed by hash in the page's CSP).
  const css = s.track?.colour ? `.swatch{background:${s.track.colour}}` : '';
  return renderPage(
    <Layout locale={m.locale} path={m.path} title={`${s.title} — ${m.event.title}`} nav={eventNav(m.links, 'program')} head={<PageStyle css={css} />}>
      <p class="muted">
        <a href={m.dayHref}>{t(`Programme du ${inSentence(s.day, m.locale)}`, `Program of ${s.day}`)}</a>
      </p>
      <h1>{s.title}</h1>
      {s.cancelled ? (
        <p class="notice">
          <strong>{t('Cette session est annulée.', 'This session is cancelled.')}</strong>
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t('Quand', 'When')}</dt>
        <dd>
          {s.day}, <TimeRange session={s} />
        </dd>
        {s.room ? (
          <>
            <dt>{t('Salle', 'Room')}</dt>
            <dd>{s.room}</dd>
          </>
        ) : null}
        {s.track ? (
          <>
            <dt>{t('Parcours', 'Track')}</dt>
            <dd>
              {s.track.colour ? <span class="swatch" aria-hidden="true" /> : null}
              {s.track.name}
            </dd>
          </>
        ) : null}
        <dt>{t('Type', 'Type')}</dt>
        <dd>{s.type}</dd>
        <dt>{t('Langue', 'Language')}</dt>
        <dd>{s.language}</dd>
        {m.capacity !== null ? (
          <>
            <dt>{t('Places', 'Seats')}</dt>
            <dd>{t(`${m.capacity}, sur inscription`, `${m.capacity}, sign-up required`)}</dd>
          </>
        ) : null}
      </dl>
      {s.cancelled ? null : (
        <p>
          <a class="button secondary" href={m.calendarHref}>
            {t('Ajouter à mon agenda', 'Add to my calendar')}
          </a>
        </p>
      )}
      {m.abstract.length > 0 ? (
        <section aria-labelledby="resume">
          <h2 id="resume">{t('Présentation', 'About')}</h2>
          <Paragraphs text={m.abstract} />
        </section>
      ) : null}
      {m.people.length > 0 ? (
        <section aria-labelledby="intervenants">
          <h2 id="intervenants">{t('Intervenants', 'Speakers')}</h2>
          {m.people.map((g) => (
            <>
              <h3>{g.label}</h3>
              <ul class="profiles">
                {g.profiles.map((p) => (
                  <li class="card">
                    <Avatar photo={p.photo} />
                    <h4>
                      <a href={p.href}>{p.name}</a>
                    </h4>
                    {p.title || p.organization ? <p class="muted">{[p.title, p.organization].filter(Boolean).join(', ')}</p> : null}
                    <Paragraphs text={p.bio} />
                  </li>
                ))}
              </ul>
            </>
          ))}
        </section>
      ) : null}
    </Layout>,
  );
}
