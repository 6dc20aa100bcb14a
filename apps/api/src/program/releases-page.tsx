import { Layout, renderPage, translator } from '@palabre/platform';
import type { ReleasesPageModel } from './public-pages.model';
import { colon } from './public-labels';
import { eventNav } from './public-parts';

export function renderReleasesPage(m: ReleasesPageModel): string {
  const t = translator(m.locale);
  return renderPage(
    <Layout locale={m.locale} path={m.path} title={`${t('Versions du programme', 'Program versions')} — ${m.event.title}`} nav={eventNav(m.links, 'program')}>
      <p class="muted">
        <a href={m.links.program}>{t('Programme', 'Program')}</a> · {m.event.title}
      </p>
      <h1>{t('Versions du programme', 'Program versions')}</h1>
      <p>{t('Chaque version publiée, la plus récente d’abord, avec ce qui a changé.', 'Every published version, the latest first, with what changed.')}</p>
      {m.releases.length === 0 ? <p class="notice">{t('Aucune version publiée pour l’instant.', 'No version published yet.')}</p> : null}
      {m.releases.map((r) => (
        <section class="release" aria-labelledby={`version-${r.number}`}>
          <h2 id={`version-${r.number}`}>
            {t(`Version ${r.number}`, `Version ${r.number}`)}
            {r.current ? (
              <>
                {' '}
                <span class="tag">{t('en ligne', 'current')}</span>
              </>
            ) : null}
          </h2>
          <p class="muted">
            {t('Publiée le ', 'Published on ')}
            <time datetime={r.publishedIso}>{r.publishedAt}</time>
          </p>
          {r.note ? <p>{r.note}</p> : null}
          {r.summary ? <p>{r.summary}</p> : null}
          {r.changes.length > 0 ? (
            <ul class="changes">
              {r.changes.map((c) => (
                <li>
                  <strong>{c.label}</strong>
                  {colon(m.locale)}
                  {c.href ? <a href={c.href}>{c.title}</a> : c.title}
                  {c.detail ? <> — {c.detail}</> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </Layout>,
  );
}
