import { Layout, renderPage, translator } from '@palabre/platform';
import type { ProgramPageModel, TimetableDayModel } from './program-page.model';
import { eventNav, ExportsSection, PageStyle, RoleLines, SessionTags, TimeRange } from './public-parts';
import { eventLinks } from './public-common.model';

/**
 * The program: one list per day in time order. On a wide screen the stylesheet turns each
 * list into a grid and the page's own style places every item by its room and time, so the
 * phone and the desktop share one document and neither needs a script.
 */
export function renderProgramPage(m: ProgramPageModel): string {
  const t = translator(m.locale);
  const links = eventLinks(m.event.slug, m.locale);
  return renderPage(
    <Layout
      locale={m.locale}
      path={m.path}
      title={`${t('Programme', 'Program')} — ${m.event.title}`}
      nav={eventNav(links, 'program')}
      head={<PageStyle css={m.css} />}
    >
      <p class="muted">
        <a href={m.event.href}>{m.event.title}</a> · <time datetime={m.event.startIso}>{m.event.dates}</time>
      </p>
      <h1>{t('Programme', 'Program')}</h1>
      {m.release ? (
        <>
          <p class="muted">
            {t(`Version ${m.release.number}, publiée le `, `Version ${m.release.number}, published on `)}
            <time datetime={m.release.publishedIso}>{m.release.publishedAt}</time> ·{' '}
            <a href={links.releases}>{t('Historique des versions', 'Version history')}</a>
          </p>
          <nav aria-label={t('Jours du programme', 'Days of the program')}>
            <ul class="days">
              {m.days.map((d) => (
                <li>
                  <a href={d.href} aria-current={d.current ? 'page' : undefined}>
                    {d.label}
                  </a>
                </li>
              ))}
              <li>
                <a href={m.allDays.href} aria-current={m.allDays.current ? 'page' : undefined}>
                  {t('Tous les jours', 'All days')}
                </a>
              </li>
            </ul>
          </nav>
          <details class="filter-box" open={m.form.active}>
            <summary>{t('Filtrer : parcours, salle, type, langue', 'Filter: track, room, type, language')}</summary>
            <form method="get" action={m.form.action} class="filters">
              {m.form.hidden.map((h) => (
                <input type="hidden" name={h.name} value={h.value} />
              ))}
              {m.form.selects.map((s) => (
                <div class="field">
                  <label for={s.id}>{s.label}</label>
                  <select id={s.id} name={s.name}>
                    <option value="">{s.all}</option>
                    {s.options.map((o) => (
                      <option value={o.value} selected={o.selected}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </div>
              ))}
              <button type="submit">{t('Filtrer', 'Filter')}</button>
              {m.form.active ? <a href={m.form.resetHref}>{t('Effacer les filtres', 'Clear the filters')}</a> : null}
            </form>
          </details>
          <p class="count">
            {m.form.active
              ? t(`${m.count} session(s) correspondent aux filtres.`, `${m.count} session(s) match the filters.`)
              : t(`${m.count} session(s).`, `${m.count} session(s).`)}
            {m.form.active ? (
              <>
                {' '}
                <a href={m.form.resetHref}>{t('Tout afficher', 'Show everything')}</a>
              </>
            ) : null}
          </p>
          {m.sections.length === 0 ? <p>{t('Aucune session ne correspond à ces filtres.', 'No session matches these filters.')}</p> : null}
          {m.sections.map((day) => (
            <DaySection day={day} model={m} />
          ))}
          <ExportsSection exports={m.exports} locale={m.locale} />
        </>
      ) : (
        <p class="notice">
          {t('Le programme sera bientôt publié. Revenez dans quelques jours !', 'The program will be published soon. Come back in a few days!')}
        </p>
      )}
    </Layout>,
  );
}

function DaySection(props: { day: TimetableDayModel; model: ProgramPageModel }) {
  const { day, model } = props;
  const t = translator(model.locale);
  return (
    <section class="day" aria-labelledby={day.headingId}>
      <h2 id={day.headingId}>{day.label}</h2>
      {day.sessions.length === 0 ? (
        <p>{t('Aucune session ce jour-là avec ces filtres.', 'No session that day with these filters.')}</p>
      ) : (
        <ol class={day.classes}>
          {/* Headers and times only frame the grid on a wide screen; each session states its own time and room. */}
          {day.heads.map((h) => (
            <li class={h.classes} aria-hidden="true">
              {h.name}
            </li>
          ))}
          {day.times.map((m) => (
            <li class={m.classes} aria-hidden="true">
              {m.label}
            </li>
          ))}
          {day.sessions.map((s) => (
            <li class={s.classes}>
              <p class="time">
                <TimeRange session={s} />
                {s.room ? <> · {s.room}</> : null}
              </p>
              <h3>
                <a href={s.href}>{s.title}</a>
              </h3>
              <SessionTags session={s} locale={model.locale} />
              <RoleLines session={s} locale={model.locale} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
