import type { ComponentChildren } from 'preact';
import { dateFormat, Layout, Locale, Localized, pick, renderPage, translate, translator } from '@palabre/platform';
import {
  BarChart,
  ChartValue,
  EventFigures,
  LineChart,
  percentText,
  PublishedFigures,
  publishedFigures,
  ShownCount,
  shownText,
  SUPPRESSION_NOTE,
} from '@palabre/reporting';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';
import { EventLayout } from '../program-admin/event-layout';

/** The page's longer texts, French then English. */
const TEXT = {
  attendanceTable: {
    fr: 'Inscriptions confirmées et personnes présentes à l’accueil, par valeur.',
    en: 'Confirmed registrations and people checked in, by value.',
  },
  sessionsDescription: {
    fr: 'Taux de remplissage (inscrits / places) et de présence (présents à la porte / inscrits) de chaque session.',
    en: 'Fill rate (signed up / seats) and attendance rate (checked in at the door / signed up) of each session.',
  },
  rateOver100: {
    fr: 'Un taux peut dépasser 100 % : des places ajoutées à la porte, ou des personnes entrées sans inscription à une session libre.',
    en: 'A rate may exceed 100%: seats added at the door, or people let into a session open to all.',
  },
  figuresExact: {
    fr: 'Comptés sur les inscriptions et les passages aux portes, à l’instant. Ces chiffres sont exacts et réservés à l’équipe ; ',
    en: 'Counted from the registrations and the door check-ins, as of now. These figures are exact and for the team; ',
  },
  exportsWithhold: {
    fr: 'le CSV et le rapport imprimable, faits pour être publiés, masquent les cases de moins de 5 personnes.',
    en: 'the CSV and the printable report, made to be published, withhold cells under 5 people.',
  },
  attendance: {
    fr: "{confirmed} inscriptions confirmées, {checkedIn} personnes présentes à l'accueil.",
    en: '{confirmed} confirmed registrations, {checkedIn} people checked in at the entrance.',
  },
  registrationDays: {
    fr: 'Du {first} au {last} : {registrations} inscriptions.',
    en: 'From {first} to {last}: {registrations} registrations.',
  },
} satisfies Record<string, Localized>;

const DAY: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const SESSION_TIME: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
const GENERATED: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' };

/** A rate as a reader writes it, one decimal at most: « 83,3 % » in French, “83.3%” in English. */
function percentOf(rate: number, locale: Locale): string {
  const n = percentText(rate, locale);
  return locale === 'fr' ? `${n.replace('.', ',')}\u00a0%` : `${n}%`;
}

/** A rate on the pages: its percentage, or « masqué », or a dash where there is none. */
function percent(rate: number | 'hidden' | null, locale: Locale): string {
  if (rate === null) return '—';
  return rate === 'hidden' ? percentText(rate, locale) : percentOf(rate, locale);
}

const chartValue = (v: ShownCount, locale: Locale): ChartValue => (typeof v === 'number' ? v : shownText(v, locale));
const dayLabel = (day: string, locale: Locale) => dateFormat(locale, 'UTC', DAY).format(new Date(`${day}T00:00:00Z`));

/**
 * The figures, chart by chart, each with its numbers in a table beside it. `published` given:
 * the report's version, small cells withheld; without it, the organizers' exact figures.
 */
function Figures(props: { figures: EventFigures; published?: PublishedFigures; locale: Locale }) {
  const { figures: f, published, locale } = props;
  const t = translator(locale);
  const shown = published ?? exact(f);
  const count = (v: ShownCount) => shownText(v, locale);
  const title = (s: { title: { fr: string; en?: string } }) => pick(s.title, locale);
  const when = (s: { startsAt: string | null }) => (s.startsAt ? dateFormat(locale, f.event.timeZone, SESSION_TIME).format(new Date(s.startsAt)) : '');
  return (
    <>
      <section class="rp-section" aria-labelledby="rp-totals">
        <h2 id="rp-totals">{t("L'événement", 'The event')}</h2>
        <dl class="rp-totals">
          <Total label={t('Inscriptions reçues', 'Registrations received')} value={f.totals.registrations} />
          <Total label={t('Confirmées', 'Confirmed')} value={f.totals.confirmed} />
          <Total label={t("Présentes à l'accueil", 'Checked in at the entrance')} value={f.totals.checkedIn} />
          <Total label={t('Taux de présence', 'Check-in rate')} value={percent(f.totals.checkInRate, locale)} />
          <Total label={t('Venues à une session ou plus', 'Attended a session or more')} value={f.totals.attendedSession} />
          <Total label={t("Liste d'attente", 'Waiting list')} value={f.totals.waitlisted} />
          <Total label={t('À confirmer', 'Awaiting confirmation')} value={f.totals.pending} />
          <Total label={t('Annulées ou expirées', 'Cancelled or expired')} value={f.totals.cancelled + f.totals.expired} />
        </dl>
        <Pair
          chart={
            <BarChart
              id="rp-attendance"
              title={t('Confirmées et présentes', 'Confirmed and checked in')}
              description={translate(TEXT.attendance, locale, { confirmed: f.totals.confirmed, checkedIn: f.totals.checkedIn })}
              labels={[t('Confirmées', 'Confirmed'), t("Présentes à l'accueil", 'Checked in at the entrance')]}
              series={[{ name: t('Personnes', 'People'), values: [f.totals.confirmed, f.totals.checkedIn] }]}
            />
          }
        >
          <NumbersTable caption={t('Confirmées et présentes', 'Confirmed and checked in')} headers={[t('Mesure', 'Measure'), t('Personnes', 'People')]}>
            <Row cells={[t('Confirmées', 'Confirmed'), f.totals.confirmed]} />
            <Row cells={[t("Présentes à l'accueil", 'Checked in at the entrance'), f.totals.checkedIn]} />
          </NumbersTable>
        </Pair>
      </section>

      <section class="rp-section" aria-labelledby="rp-days">
        <h2 id="rp-days">{t('Inscriptions dans le temps', 'Registrations over time')}</h2>
        <Pair
          chart={
            <LineChart
              id="rp-days-chart"
              title={t('Inscriptions reçues, cumulées par jour', 'Registrations received, running total by day')}
              description={
                f.byDay.length === 0
                  ? t('Aucune inscription.', 'No registration.')
                  : translate(TEXT.registrationDays, locale, {
                      first: dayLabel(f.byDay[0].day, locale),
                      last: dayLabel(f.byDay[f.byDay.length - 1].day, locale),
                      registrations: f.totals.registrations,
                    })
              }
              empty={t('Aucune inscription pour le moment', 'No registration yet')}
              points={f.byDay.map((d) => ({ label: dayLabel(d.day, locale), value: d.cumulative }))}
            />
          }
        >
          <NumbersTable
            caption={t(`Inscriptions par jour (fuseau ${f.event.timeZone})`, `Registrations per day (${f.event.timeZone} time)`)}
            headers={[t('Jour', 'Day'), t('Reçues', 'Received'), t('Cumul', 'Running total')]}
          >
            {f.byDay.map((d) => (
              <Row cells={[dayLabel(d.day, locale), d.count, d.cumulative]} />
            ))}
          </NumbersTable>
        </Pair>
      </section>

      {shown.breakdowns.map((b) => (
        <section class="rp-section" aria-labelledby={`rp-${b.category}`}>
          <h2 id={`rp-${b.category}`}>{pick(b.label, locale)}</h2>
          <Pair
            chart={
              <BarChart
                id={`rp-${b.category}-chart`}
                title={t(`Par ${pick(b.label, 'fr').toLowerCase()}`, `By ${pick(b.label, 'en').toLowerCase()}`)}
                description={pick(TEXT.attendanceTable, locale)}
                labels={b.rows.map((r) => pick(r.label, locale))}
                series={[
                  { name: t('Confirmées', 'Confirmed'), values: b.rows.map((r) => chartValue(r.confirmed, locale)) },
                  { name: t("Présentes à l'accueil", 'Checked in'), values: b.rows.map((r) => chartValue(r.checkedIn, locale)) },
                ]}
              />
            }
          >
            <NumbersTable
              caption={pick(b.label, locale)}
              headers={[pick(b.label, locale), t('Confirmées', 'Confirmed'), t("Présentes à l'accueil", 'Checked in')]}
            >
              {b.rows.map((r) => (
                <Row cells={[pick(r.label, locale), count(r.confirmed), count(r.checkedIn)]} />
              ))}
            </NumbersTable>
          </Pair>
        </section>
      ))}

      <section class="rp-section" aria-labelledby="rp-sessions">
        <h2 id="rp-sessions">{t('Ateliers et sessions', 'Workshops and sessions')}</h2>
        {shown.sessions.length === 0 ? (
          <p class="muted">
            {t('Aucun atelier avec inscription ni passage compté à une porte de session.', 'No workshop with sign-up and no check-in at a session door.')}
          </p>
        ) : (
          <>
            <Pair
              chart={
                <BarChart
                  id="rp-sessions-chart"
                  title={t('Remplissage et présence par session', 'Fill and attendance by session')}
                  description={pick(TEXT.sessionsDescription, locale)}
                  labels={shown.sessions.map(title)}
                  max={1}
                  format={(n) => percentOf(n, locale)}
                  series={[
                    { name: t('Remplissage', 'Fill rate'), values: shown.sessions.map((s) => rateValue(s.fillRate, locale)) },
                    { name: t('Présence', 'Attendance'), values: shown.sessions.map((s) => rateValue(s.attendanceRate, locale)) },
                  ]}
                />
              }
            >
              <p class="muted">{pick(TEXT.rateOver100, locale)}</p>
            </Pair>
            <NumbersTable
              caption={t('Chiffres par session', 'Figures by session')}
              headers={[
                t('Session', 'Session'),
                t('Quand', 'When'),
                t('Places', 'Seats'),
                t('Inscrites', 'Signed up'),
                t("Liste d'attente", 'Waiting list'),
                t('Présentes à la porte', 'Checked in at the door'),
                t('Remplissage', 'Fill rate'),
                t('Présence', 'Attendance'),
              ]}
            >
              {shown.sessions.map((s) => (
                <Row
                  cells={[
                    title(s),
                    when(s),
                    s.capacity ?? '—',
                    count(s.signedUp),
                    count(s.waitlisted),
                    count(s.checkedIn),
                    percent(s.fillRate, locale),
                    percent(s.attendanceRate, locale),
                  ]}
                />
              ))}
            </NumbersTable>
          </>
        )}
      </section>
    </>
  );
}

const rateValue = (rate: number | 'hidden' | null, locale: Locale): ChartValue => (rate === null ? '—' : rate === 'hidden' ? percentText(rate, locale) : rate);

/** The exact figures in the published shape: nothing withheld. */
function exact(f: EventFigures): PublishedFigures {
  return { breakdowns: f.breakdowns, sessions: f.sessions };
}

function Total(props: { label: string; value: number | string }) {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}

/** A chart with its numbers beside it (below on a phone). */
export function Pair(props: { chart: ComponentChildren; children: ComponentChildren }) {
  return (
    <div class="rp-pair">
      <figure>{props.chart}</figure>
      <div>{props.children}</div>
    </div>
  );
}

/** A table of numbers; on a narrow screen it scrolls sideways, so it takes the focus (keyboards scroll it too). */
export function NumbersTable(props: { caption: string; headers: string[]; children: ComponentChildren }) {
  return (
    <div class="table-wrap" role="region" aria-label={props.caption} tabIndex={0}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.headers.map((h, i) => (
              <th scope="col" class={i === 0 ? undefined : 'num'}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}

export function Row(props: { cells: (string | number)[] }) {
  return <tr>{props.cells.map((c, i) => (i === 0 ? <th scope="row">{c}</th> : <td class="num">{c}</td>))}</tr>;
}

/** The event's « Chiffres » tab: the exact figures, for the organizers, with the exports. */
export function renderStatsPage(ctx: OrganizerEventContext, figures: EventFigures): string {
  const t = translator(ctx.locale);
  const lang = `?lang=${ctx.locale}`;
  return renderPage(
    <EventLayout ctx={ctx} tab="stats" title={t('Chiffres', 'Figures')}>
      <h1>{t('Chiffres', 'Figures')}</h1>
      <p>
        {pick(TEXT.figuresExact, ctx.locale)}
        {pick(TEXT.exportsWithhold, ctx.locale)}
      </p>
      <p class="actions">
        <a class="button" href={`/api/v1/events/${ctx.event.slug}/stats.csv${lang}`} download>
          {t('Télécharger le CSV', 'Download the CSV')}
        </a>{' '}
        <a class="button secondary" href={eventPath(ctx, '/stats/report')}>
          {t('Rapport imprimable', 'Printable report')}
        </a>
      </p>
      <Figures figures={figures} locale={ctx.locale} />
    </EventLayout>,
  );
}

/** The printable report of the event (save it as PDF from the browser's print menu): small cells withheld. */
export function renderStatsReport(ctx: OrganizerEventContext, figures: EventFigures): string {
  const t = translator(ctx.locale);
  const title = pick(ctx.event.title, ctx.locale);
  const dates = `${dateFormat(ctx.locale, ctx.event.timeZone, DAY).format(ctx.event.startsAt)} – ${dateFormat(ctx.locale, ctx.event.timeZone, DAY).format(ctx.event.endsAt)}`;
  return renderPage(
    <Layout
      locale={ctx.locale}
      path={ctx.path}
      title={`${t('Rapport', 'Report')} — ${title}`}
      brand={{ href: eventPath(ctx, '/stats'), label: ctx.organization.organizationName }}
    >
      <p class="no-print">
        <a href={eventPath(ctx, '/stats')}>{t('← Retour aux chiffres', '← Back to the figures')}</a>
        {' · '}
        {t('Pour un PDF : menu Imprimer du navigateur, « Enregistrer au format PDF ».', 'For a PDF: the browser’s Print menu, “Save as PDF”.')}
      </p>
      <h1>
        {t('Rapport', 'Report')} — {title}
      </h1>
      <p>
        {ctx.organization.organizationName} · {dates}
        <br />
        <span class="muted">
          {t('Chiffres arrêtés le ', 'Figures as of ')}
          {dateFormat(ctx.locale, ctx.event.timeZone, GENERATED).format(figures.generatedAt)}
        </span>
      </p>
      <p class="notice" id="rp-note">
        {pick(SUPPRESSION_NOTE, ctx.locale)}
      </p>
      <Figures figures={figures} published={publishedFigures(figures)} locale={ctx.locale} />
    </Layout>,
  );
}
