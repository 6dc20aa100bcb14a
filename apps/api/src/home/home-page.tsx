import { EventView } from '@palabre/events';
import { Layout, Locale, pick, renderPage } from '@palabre/platform';
import { formatDateRange } from './format';

export function renderHomePage(props: { locale: Locale; path: string; events: EventView[] }): string {
  const { locale } = props;
  const t = (fr: string, en: string) => pick({ fr, en }, locale);
  return renderPage(
    <Layout locale={locale} path={props.path} title={t('Palabre — forums et conférences', 'Palabre — forums and conferences')}>
      <h1>{t('Forums et conférences', 'Forums and conferences')}</h1>
      {props.events.length === 0 ? (
        <p class="muted">{t("Aucun événement publié pour l'instant.", 'No published event yet.')}</p>
      ) : (
        <ul class="cards">
          {props.events.map((e) => (
            <li class="card" style={`border-top:4px solid ${e.colour}`}>
              <h2>
                <a href={`/e/${e.slug}`}>{pick(e.title, locale)}</a>
              </h2>
              <p class="muted">
                <time datetime={e.startsAt.toISOString()}>{formatDateRange(e.startsAt, e.endsAt, e.timeZone, locale)}</time>
                {e.venueName ? <> · {e.venueName}</> : null}
              </p>
              {pick(e.description, locale) ? <p>{excerpt(pick(e.description, locale), 220)}</p> : null}
              <p>
                <a class="button" href={`/e/${e.slug}`}>
                  {t('Programme et inscription', 'Program and registration')}
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Layout>,
  );
}

function excerpt(text: string, max: number): string {
  const first = text.split(/\n\s*\n/)[0];
  return first.length > max ? first.slice(0, max - 1).trimEnd() + '…' : first;
}
