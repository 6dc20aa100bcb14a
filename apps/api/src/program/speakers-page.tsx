import { Layout, renderPage, translator } from '@palabre/platform';
import type { SpeakersPageModel } from './public-pages.model';
import { colon } from './public-labels';
import { eventNav, Paragraphs } from './public-parts';
import { Avatar } from './speaker-photo';

export function renderSpeakersPage(m: SpeakersPageModel): string {
  const t = translator(m.locale);
  return renderPage(
    <Layout locale={m.locale} path={m.path} title={`${t('Intervenants', 'Speakers')} — ${m.event.title}`} nav={eventNav(m.links, 'speakers')}>
      <p class="muted">
        <a href={m.links.event}>{m.event.title}</a>
      </p>
      <h1>{t('Intervenants', 'Speakers')}</h1>
      {!m.released ? (
        <p class="notice">{t('Les intervenants seront annoncés avec le programme, bientôt.', 'The speakers will be announced with the program, soon.')}</p>
      ) : m.speakers.length === 0 ? (
        <p>{t('Aucun intervenant annoncé.', 'No speaker announced.')}</p>
      ) : (
        <ul class="profiles">
          {m.speakers.map((p) => (
            <li class="card" id={p.anchor}>
              <Avatar photo={p.photo} />
              <h2>{p.name}</h2>
              {p.title || p.organization ? <p class="muted">{[p.title, p.organization].filter(Boolean).join(', ')}</p> : null}
              <Paragraphs text={p.bio} />
              {p.languages ? (
                <p>
                  {t('Langues', 'Languages')}
                  {colon(m.locale)}
                  {p.languages}
                </p>
              ) : null}
              {p.links.length > 0 ? (
                <ul class="links">
                  {p.links.map((l) => (
                    <li>
                      <a href={l.url} rel="nofollow ugc noopener">
                        {l.label}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              <h3>{t('Au programme', 'On the program')}</h3>
              <ul>
                {p.sessions.map((s) => (
                  <li>
                    <a href={s.href}>{s.title}</a> — {s.role}, {s.day}, <time datetime={s.start.iso}>{s.start.label}</time>
                    {s.cancelled ? <strong> ({t('annulée', 'cancelled')})</strong> : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </Layout>,
  );
}
