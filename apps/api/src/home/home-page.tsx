import { EventView } from '@palabre/events';
import { Layout, Locale, pick, renderPage, translator } from '@palabre/platform';
import { programLinks } from '@palabre/program';
import { cssColour } from '../program/public-common.model';
import { formatDateRange } from './format';

/**
 * Each card's accent colour, as the page's own style block (the CSP allows it by hash; it
 * forbids style attributes). Colours are checked again here since they land in CSS.
 */
function cardColours(events: EventView[]): string {
  return events
    .map((e, i) => {
      const colour = cssColour(e.colour);
      return colour ? `.c${i}{border-top:4px solid ${colour}}` : '';
    })
    .join('');
}

export function renderHomePage(props: { locale: Locale; path: string; events: EventView[] }): string {
  const { locale } = props;
  const t = translator(locale);
  const css = cardColours(props.events);
  const lang = locale === 'fr' ? '' : `?lang=${locale}`;
  return renderPage(
    <Layout
      locale={locale}
      path={props.path}
      title={t('Palabre — forums et conférences', 'Palabre — forums and conferences')}
      head={css ? <style dangerouslySetInnerHTML={{ __html: css }} /> : null}
    >
      <h1>{t('Forums et conférences', 'Forums and conferences')}</h1>
      {props.events.length === 0 ? (
        <p class="muted">{t("Aucun événement publié pour l'instant.", 'No published event yet.')}</p>
      ) : (
        <ul class="cards">
          {props.events.map((e, i) => (
            <li class={`card c${i}`}>
              <h2>
                <a href={programLinks.event('', e.slug) + lang}>{pick(e.title, locale)}</a>
              </h2>
              <p class="muted">
                <time datetime={e.startsAt.toISOString()}>{formatDateRange(e.startsAt, e.endsAt, e.timeZone, locale)}</time>
                {e.venueName ? <> · {e.venueName}</> : null}
              </p>
              {pick(e.description, locale) ? <p>{excerpt(pick(e.description, locale), 220)}</p> : null}
              <p class="actions">
                <a class="button" href={programLinks.program('', e.slug) + lang}>
                  {t('Programme', 'Program')}
                </a>
                <a class="button secondary" href={programLinks.event('', e.slug) + lang}>
                  {t('Infos et inscription', 'Details and registration')}
                </a>
                <a class="button secondary" href={`${programLinks.event('', e.slug)}/partenaires${lang}`}>
                  {t('Partenaires et offres', 'Partners and opportunities')}
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
