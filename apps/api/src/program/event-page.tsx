import { Layout, renderPage, translator } from '@palabre/platform';
import type { EventPageModel } from './public-pages.model';
import { eventNav, ExportsSection, Paragraphs } from './public-parts';

export function renderEventPage(m: EventPageModel): string {
  const t = translator(m.locale);
  const registration = m.registration;
  return renderPage(
    <Layout locale={m.locale} path={m.path} title={m.title} description={m.description[0]} nav={eventNav(m.links, 'event')}>
      <h1>{m.title}</h1>
      <p class="lead">
        <time datetime={m.start}>{m.dates}</time>
        {m.venue.name ? <> · {m.venue.name}</> : null}
      </p>
      <p>
        <a class="button" href={m.links.program}>
          {t('Voir le programme', 'See the program')}
        </a>
      </p>
      {m.program ? (
        <>
          <p class="muted">
            {t(`${m.program.sessions} sessions, ${m.program.speakers} intervenant·es. `, `${m.program.sessions} sessions, ${m.program.speakers} speakers. `)}
            <a href={m.links.speakers}>{t('Les intervenants', 'The speakers')}</a>
          </p>
          <ul class="days" aria-label={t('Le programme par jour', 'The program by day')}>
            {m.days.map((d) => (
              <li>
                <a href={d.href}>{d.label}</a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p class="notice">{t('Le programme sera bientôt publié.', 'The program will be published soon.')}</p>
      )}
      <section aria-labelledby="inscription">
        <h2 id="inscription">{t('Inscription', 'Registration')}</h2>
        <p class={registration.state === 'open' ? 'notice ok' : 'notice'}>
          <strong>{registration.text}</strong>
          {registration.seats ? <> {registration.seats}</> : null}
        </p>
        {registration.href ? (
          <p>
            <a class="button" href={registration.href}>
              {t('S’inscrire', 'Register')}
            </a>
          </p>
        ) : null}
      </section>
      {m.description.length > 0 ? (
        <section aria-labelledby="presentation">
          <h2 id="presentation">{t('Présentation', 'About')}</h2>
          <Paragraphs text={m.description} />
        </section>
      ) : null}
      <section aria-labelledby="lieu">
        <h2 id="lieu">{t('Lieu et dates', 'Venue and dates')}</h2>
        <p>
          {m.venue.name}
          {m.venue.address ? (
            <>
              <br />
              {m.venue.address}
            </>
          ) : null}
        </p>
        <p>
          <time datetime={m.start}>{m.dates}</time> <span class="muted">{t(`(heure de ${m.zoneCity})`, `(${m.zoneCity} time)`)}</span>
        </p>
      </section>
      <ExportsSection exports={m.exports} locale={m.locale} />
    </Layout>,
  );
}
