import type { ComponentChildren } from 'preact';
import { Layout, Locale, Localized, pick, renderPage, translate, translator } from '@palabre/platform';
import type { EventView } from '@palabre/events';
import {
  BoardOpportunityView,
  Impact,
  logoPaths,
  MALI_REGIONS,
  OPPORTUNITY_KIND_LABELS,
  OPPORTUNITY_KINDS,
  PartnerView,
  regionLabel,
  SectorView,
} from '@palabre/partners';
import { localDate, localTime, ReleasedSession } from '@palabre/program';
import { BarChart } from '@palabre/reporting';
import { CheckboxField, ErrorSummary, fieldError, TextField, BackLink } from '../admin/forms';
import type { ProblemDocument } from '@palabre/platform';
import { eventLinks, withLang } from '../program/public-common.model';
import { eventNav, Paragraphs } from '../program/public-parts';
import { NumbersTable, Pair, Row } from '../reporting/stats-pages';

/** The page's longer texts, French then English. */
const TEXT = {
  opportunitiesLink: {
    fr: 'Emplois, stages, formations et appels à projets des partenaires du forum, jusqu’à leur date limite.',
    en: 'Jobs, internships, trainings and calls for projects from the forum’s partners, until their deadline.',
  },
  byRegionDescription: {
    fr: 'Partenaires ayant contribué, par région où ils travaillent (un partenaire présent dans plusieurs régions compte dans chacune).',
    en: 'Contributing partners, by the regions they work in (one working in several regions counts in each).',
  },
  nationalsBasis: {
    fr: 'Part de nationaux calculée sur les {contributors} organisations qui l’ont indiquée.',
    en: 'Share of nationals computed over the {contributors} organizations that gave it.',
  },
  figuresSource: {
    fr: 'Chiffres {year} déclarés par les partenaires et acceptés par l’organisation du forum : {contributors} partenaires sur {partners} ont contribué. Un chiffre non communiqué n’est pas compté comme zéro.',
    en: '{year} figures reported by the partners and accepted by the forum’s organizers: {contributors} partners of {partners} contributed. A figure not given is not counted as zero.',
  },
  employment: {
    fr: 'En {year}, {organizations} organisations emploient {employed} personnes',
    en: 'In {year}, {organizations} organizations employ {employed} people',
  },
  nationalsShare: {
    fr: ', dont {share} % de nationaux.',
    en: ', {share}% of them nationals.',
  },
} satisfies Record<string, Localized>;

/** What every public page of the partners shows: the event, its links, the language. */
export interface PublicContext {
  locale: Locale;
  path: string;
  event: EventView;
}

export const partnerPaths = {
  directory: (slug: string) => `/e/${encodeURIComponent(slug)}/partenaires`,
  partner: (slug: string, partner: string) => `/e/${encodeURIComponent(slug)}/partenaires/${encodeURIComponent(partner)}`,
  board: (slug: string) => `/e/${encodeURIComponent(slug)}/opportunites`,
  opportunity: (slug: string, number: number) => `/e/${encodeURIComponent(slug)}/opportunites/${number}`,
  impact: (slug: string) => `/e/${encodeURIComponent(slug)}/impact`,
};

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
}

function PublicPage(props: { ctx: PublicContext; title: string; children: ComponentChildren }) {
  const { ctx } = props;
  const title = pick(ctx.event.title, ctx.locale);
  return (
    <Layout locale={ctx.locale} path={ctx.path} title={`${props.title} — ${title}`} nav={eventNav(eventLinks(ctx.event.slug, ctx.locale), 'partners')}>
      <p class="muted">
        <a href={withLang(`/e/${encodeURIComponent(ctx.event.slug)}`, ctx.locale)}>{title}</a>
      </p>
      {props.children}
    </Layout>
  );
}

/** The links between the partners' pages: directory, board, impact. */
function PartnersNav(props: { ctx: PublicContext; current: 'directory' | 'board' | 'impact' }) {
  const { ctx } = props;
  const t = translator(ctx.locale);
  const link = (key: typeof props.current, href: string, label: string) => (
    <li>
      <a href={withLang(href, ctx.locale)} aria-current={props.current === key ? 'page' : undefined}>
        {label}
      </a>
    </li>
  );
  return (
    <nav aria-label={t('Pages des partenaires', 'Partner pages')}>
      <ul class="days">
        {link('directory', partnerPaths.directory(ctx.event.slug), t('Annuaire', 'Directory'))}
        {link('board', partnerPaths.board(ctx.event.slug), t('Offres et opportunités', 'Opportunities'))}
        {link('impact', partnerPaths.impact(ctx.event.slug), t('Impact', 'Impact'))}
      </ul>
    </nav>
  );
}

export interface SelectFilter {
  name: string;
  label: string;
  all: string;
  options: { value: string; label: string }[];
  selected: string;
}

/** A GET form of selects: works without JavaScript, its address can be shared. */
function FilterForm(props: { locale: Locale; action: string; summary: string; selects: SelectFilter[] }) {
  const t = translator(props.locale);
  const active = props.selects.some((s) => s.selected);
  return (
    <details class="filter-box" open={active}>
      <summary>{props.summary}</summary>
      <form method="get" action={props.action} class="filters">
        {props.locale === 'fr' ? null : <input type="hidden" name="lang" value={props.locale} />}
        {props.selects.map((s) => (
          <div class="field">
            <label for={`filtre-${s.name}`}>{s.label}</label>
            <select id={`filtre-${s.name}`} name={s.name}>
              <option value="">{s.all}</option>
              {s.options.map((o) => (
                <option value={o.value} selected={o.value === s.selected}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit">{t('Filtrer', 'Filter')}</button>
        {active ? <a href={withLang(props.action, props.locale)}>{t('Effacer les filtres', 'Clear the filters')}</a> : null}
      </form>
    </details>
  );
}

export const sectorFilter = (locale: Locale, sectors: SectorView[], selected: string): SelectFilter => ({
  name: 'secteur',
  label: translator(locale)('Secteur', 'Sector'),
  all: translator(locale)('Tous les secteurs', 'All sectors'),
  options: sectors.map((s) => ({ value: s.key, label: pick(s.label, locale) })),
  selected,
});

export const regionFilter = (locale: Locale, selected: string): SelectFilter => ({
  name: 'region',
  label: translator(locale)('Région', 'Region'),
  all: translator(locale)('Toutes les régions', 'All regions'),
  options: MALI_REGIONS.map((r) => ({ value: r.key, label: r.label })),
  selected,
});

function Logo(props: { hash: string | null; name: string; large?: boolean }) {
  if (!props.hash) return null;
  const paths = logoPaths(props.hash);
  const size = props.large ? 160 : 64;
  return (
    <img
      class={props.large ? 'logo logo-large' : 'logo'}
      src={props.large ? paths.large : paths.small}
      alt={`Logo ${props.name}`}
      width={size}
      height={size}
      loading="lazy"
      decoding="async"
    />
  );
}

const sectorNames = (keys: string[], sectors: SectorView[], locale: Locale) =>
  keys.map((k) => pick(sectors.find((s) => s.key === k)?.label, locale) || k).join(', ');

export function renderDirectory(
  ctx: PublicContext,
  props: { partners: PartnerView[]; total: number; sectors: SectorView[]; filter: { sector: string; region: string } },
): string {
  const t = translator(ctx.locale);
  const { locale, event } = ctx;
  return renderPage(
    <PublicPage ctx={ctx} title={t('Partenaires', 'Partners')}>
      <h1>{t('Partenaires', 'Partners')}</h1>
      <PartnersNav ctx={ctx} current="directory" />
      <FilterForm
        locale={locale}
        action={partnerPaths.directory(event.slug)}
        summary={t('Filtrer : secteur, région', 'Filter: sector, region')}
        selects={[sectorFilter(locale, props.sectors, props.filter.sector), regionFilter(locale, props.filter.region)]}
      />
      <p class="count">{t(`${props.partners.length} partenaire(s) sur ${props.total}`, `${props.partners.length} partner(s) of ${props.total}`)}</p>
      {props.partners.length === 0 ? (
        <p>{t('Aucun partenaire ne correspond.', 'No partner matches.')}</p>
      ) : (
        <ul class="cards">
          {props.partners.map((p) => (
            <li class="card">
              <Logo hash={p.logo} name={p.name} />
              <h2>
                <a href={withLang(partnerPaths.partner(event.slug, p.slug), locale)}>{p.name}</a>
              </h2>
              {p.acronym ? <p class="muted">{p.acronym}</p> : null}
              {p.sectors.length ? <p>{sectorNames(p.sectors, props.sectors, locale)}</p> : null}
              {p.regions.length ? <p class="muted">{p.regions.map(regionLabel).join(', ')}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </PublicPage>,
  );
}

function OpportunityList(props: { ctx: PublicContext; opportunities: BoardOpportunityView[]; withPartner: boolean }) {
  const { ctx } = props;
  const t = translator(ctx.locale);
  return (
    <ul class="cards">
      {props.opportunities.map((o) => (
        <li class="card">
          <p class="tags">
            <span class="tag">{pick(OPPORTUNITY_KIND_LABELS[o.kind], ctx.locale)}</span> <span class="tag">{regionLabel(o.region)}</span>
          </p>
          <h3>
            <a href={withLang(partnerPaths.opportunity(ctx.event.slug, o.number), ctx.locale)}>{o.title}</a>
          </h3>
          {props.withPartner ? <p class="muted">{o.partner.name}</p> : null}
          <p>
            {t('Date limite : ', 'Deadline: ')}
            <time datetime={o.deadline}>{formatDate(o.deadline, ctx.locale)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}

export function formatDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

export function renderPartnerPage(
  ctx: PublicContext,
  props: { partner: PartnerView; sectors: SectorView[]; sessions: ReleasedSession[]; opportunities: BoardOpportunityView[] },
): string {
  const t = translator(ctx.locale);
  const { locale, event } = ctx;
  const p = props.partner;
  return renderPage(
    <PublicPage ctx={ctx} title={p.name}>
      <BackLink href={withLang(partnerPaths.directory(event.slug), locale)}>{t('← Tous les partenaires', '← All partners')}</BackLink>
      <Logo hash={p.logo} name={p.name} large />
      <h1>{p.name}</h1>
      {p.acronym ? <p class="muted">{p.acronym}</p> : null}
      <Paragraphs
        text={pick(p.mission, locale)
          .split(/\n\s*\n/)
          .filter(Boolean)}
      />
      <dl class="facts">
        {p.sectors.length ? (
          <>
            <dt>{t('Secteurs', 'Sectors')}</dt>
            <dd>{sectorNames(p.sectors, props.sectors, locale)}</dd>
          </>
        ) : null}
        {p.regions.length ? (
          <>
            <dt>{t('Régions', 'Regions')}</dt>
            <dd>{p.regions.map(regionLabel).join(', ')}</dd>
          </>
        ) : null}
        {p.website ? (
          <>
            <dt>{t('Site web', 'Website')}</dt>
            <dd>
              <a href={p.website} rel="nofollow ugc noopener">
                {p.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </>
        ) : null}
        {p.contactEmail || p.contactPhone ? (
          <>
            <dt>{t('Contact', 'Contact')}</dt>
            <dd>
              {p.contactEmail ? <a href={`mailto:${p.contactEmail}`}>{p.contactEmail}</a> : null}
              {p.contactEmail && p.contactPhone ? ' · ' : null}
              {p.contactPhone ? <a href={`tel:${p.contactPhone.replace(/[^+0-9]/g, '')}`}>{p.contactPhone}</a> : null}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('Au programme', 'In the programme')}</h2>
      {props.sessions.length === 0 ? (
        <p class="muted">{t('Aucune session annoncée pour l’instant.', 'No session announced yet.')}</p>
      ) : (
        <ul>
          {props.sessions.map((s) => (
            <li>
              <a href={withLang(`/e/${encodeURIComponent(event.slug)}/programme/${s.number}`, locale)}>{pick(s.title, locale)}</a> —{' '}
              <time datetime={s.startsAt}>
                {localDate(new Date(s.startsAt), event.timeZone)} {localTime(new Date(s.startsAt), event.timeZone)}
              </time>
              {s.room ? `, ${s.room.name}` : ''}
            </li>
          ))}
        </ul>
      )}
      <h2 id="opportunites">{t('Ses offres', 'Its opportunities')}</h2>
      {props.opportunities.length === 0 ? (
        <p class="muted">{t('Aucune offre ouverte.', 'No open opportunity.')}</p>
      ) : (
        <OpportunityList ctx={ctx} opportunities={props.opportunities} withPartner={false} />
      )}
    </PublicPage>,
  );
}

export function renderBoard(
  ctx: PublicContext,
  props: { opportunities: BoardOpportunityView[]; sectors: SectorView[]; filter: { kind: string; sector: string; region: string } },
): string {
  const t = translator(ctx.locale);
  const { locale, event } = ctx;
  const kinds: SelectFilter = {
    name: 'type',
    label: t('Type', 'Type'),
    all: t('Tous les types', 'All types'),
    options: OPPORTUNITY_KINDS.map((k) => ({ value: k, label: pick(OPPORTUNITY_KIND_LABELS[k], locale) })),
    selected: props.filter.kind,
  };
  return renderPage(
    <PublicPage ctx={ctx} title={t('Offres et opportunités', 'Opportunities')}>
      <h1>{t('Offres et opportunités', 'Opportunities')}</h1>
      <PartnersNav ctx={ctx} current="board" />
      <p>{pick(TEXT.opportunitiesLink, ctx.locale)}</p>
      <FilterForm
        locale={locale}
        action={partnerPaths.board(event.slug)}
        summary={t('Filtrer : type, secteur, région', 'Filter: type, sector, region')}
        selects={[kinds, sectorFilter(locale, props.sectors, props.filter.sector), regionFilter(locale, props.filter.region)]}
      />
      <p class="count">{t(`${props.opportunities.length} offre(s) ouverte(s)`, `${props.opportunities.length} open opportunit(ies)`)}</p>
      {props.opportunities.length === 0 ? (
        <p>{t('Aucune offre ouverte ne correspond.', 'No open opportunity matches.')}</p>
      ) : (
        <OpportunityList ctx={ctx} opportunities={props.opportunities} withPartner />
      )}
    </PublicPage>,
  );
}

/** The contact form of an opportunity: what was typed, and the refusal beside its field. */
export interface ContactForm {
  values: Record<string, string>;
  problem?: ProblemDocument;
  sent?: boolean;
}

export function renderOpportunity(ctx: PublicContext, props: { opportunity: BoardOpportunityView; consentText: string; form: ContactForm }): string {
  const t = translator(ctx.locale);
  const { locale, event } = ctx;
  const o = props.opportunity;
  const { values, problem } = props.form;
  const error = (field: string) => fieldError(problem, field);
  return renderPage(
    <PublicPage ctx={ctx} title={o.title}>
      <BackLink href={withLang(partnerPaths.board(event.slug), locale)}>{t('← Toutes les offres', '← All opportunities')}</BackLink>
      <p class="tags">
        <span class="tag">{pick(OPPORTUNITY_KIND_LABELS[o.kind], locale)}</span> <span class="tag">{regionLabel(o.region)}</span>
      </p>
      <h1>{o.title}</h1>
      <p>
        <a href={withLang(partnerPaths.partner(event.slug, o.partner.slug), locale)}>{o.partner.name}</a>
      </p>
      <p>
        <strong>{t('Date limite : ', 'Deadline: ')}</strong>
        <time datetime={o.deadline}>{formatDate(o.deadline, locale)}</time>
      </p>
      <Paragraphs text={o.description.split(/\n\s*\n/).filter(Boolean)} />
      <h2>{t('Comment postuler', 'How to apply')}</h2>
      <Paragraphs text={o.howToApply.split(/\n\s*\n/).filter(Boolean)} />
      {o.acceptsContacts ? (
        <section aria-labelledby="contact">
          <h2 id="contact">{t('Laisser mon contact', 'Leave my contact')}</h2>
          {props.form.sent ? (
            <p class="notice ok" role="status">
              {t(`Merci : ${o.partner.name} a reçu votre contact.`, `Thank you: ${o.partner.name} has received your contact.`)}
            </p>
          ) : (
            <form method="post" action={withLang(partnerPaths.opportunity(event.slug, o.number), locale)}>
              <ErrorSummary problem={problem} locale={locale} />
              <TextField id="name" name="name" label={t('Nom et prénom', 'Full name')} value={values.name} error={error('name')} required autocomplete="name" />
              <TextField
                id="email"
                name="email"
                label={t('E-mail', 'Email')}
                hint={t('Ou un téléphone, ci-dessous.', 'Or a phone number, below.')}
                type="email"
                value={values.email}
                error={error('email')}
                autocomplete="email"
              />
              <TextField id="phone" name="phone" label={t('Téléphone', 'Phone')} type="tel" value={values.phone} error={error('phone')} autocomplete="tel" />
              <CheckboxField id="consent" name="consent" value="oui" label={props.consentText} error={error('consent')} required />
              <button type="submit">{t('Envoyer mon contact', 'Send my contact')}</button>
            </form>
          )}
        </section>
      ) : null}
    </PublicPage>,
  );
}

/** One series as an SVG bar chart (the reporting lib's), with its numbers in a table beside it. */
function ChartAndNumbers(props: {
  id: string;
  title: string;
  description: string;
  headers: [string, string];
  rows: [string, number][];
  format: (n: number) => string;
}) {
  return (
    <Pair
      chart={
        <BarChart
          id={props.id}
          title={props.title}
          description={props.description}
          labels={props.rows.map((r) => r[0])}
          series={[{ name: props.headers[1], values: props.rows.map((r) => r[1]) }]}
          format={props.format}
        />
      }
    >
      <NumbersTable caption={props.title} headers={props.headers}>
        {props.rows.map(([label, value]) => (
          <Row cells={[label, props.format(value)]} />
        ))}
      </NumbersTable>
    </Pair>
  );
}

export function renderImpact(ctx: PublicContext, props: { impact: Impact & { years: number[] } }): string {
  const t = translator(ctx.locale);
  const { locale, event } = ctx;
  const i = props.impact;
  const n = (x: number) => formatNumber(x, locale);
  const h = i.headline;
  const trained = i.bySector.filter((s) => s.trained !== null);
  const regions = i.byRegion.filter((r) => r.partners > 0);
  const yearQuery = i.year === null ? '' : `?year=${i.year}`;
  return renderPage(
    <PublicPage ctx={ctx} title={t('Impact des partenaires', 'Partners’ impact')}>
      <h1>{t('Impact des partenaires', 'Partners’ impact')}</h1>
      <PartnersNav ctx={ctx} current="impact" />
      {i.year === null ? (
        <p class="notice">{t('Aucun chiffre accepté pour l’instant.', 'No accepted figures yet.')}</p>
      ) : (
        <>
          {i.years.length > 1 ? (
            <form method="get" action={partnerPaths.impact(event.slug)} class="filters">
              {locale === 'fr' ? null : <input type="hidden" name="lang" value={locale} />}
              <div class="field">
                <label for="annee">{t('Année', 'Year')}</label>
                <select id="annee" name="annee">
                  {i.years.map((y) => (
                    <option value={String(y)} selected={y === i.year}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit">{t('Afficher', 'Show')}</button>
            </form>
          ) : null}
          <p class="lead" id="chiffre-cle">
            {h
              ? translate(TEXT.employment, ctx.locale, { year: i.year, organizations: n(h.organizations), employed: n(h.employed) }) +
                (h.nationalsShare === null ? '.' : translate(TEXT.nationalsShare, ctx.locale, { share: n(Math.round(h.nationalsShare)) }))
              : null}
          </p>
          {h && h.nationalsShare !== null && h.nationalsContributors < h.organizations ? (
            <p class="muted">{translate(TEXT.nationalsBasis, ctx.locale, { contributors: n(h.nationalsContributors) })}</p>
          ) : null}
          <p>{translate(TEXT.figuresSource, ctx.locale, { year: i.year, contributors: n(i.contributors), partners: n(i.partners) })}</p>
          <NumbersTable
            caption={t('Indicateurs', 'Indicators')}
            headers={[t('Indicateur', 'Indicator'), t('Total', 'Total'), t('Organisations', 'Organizations')]}
          >
            {i.indicators.map((x) => (
              <Row
                cells={[
                  pick(x.label, locale),
                  x.total === null ? t('non communiqué', 'not given') : x.kind === 'percent' ? `${n(x.total)} %` : n(x.total),
                  n(x.contributors),
                ]}
              />
            ))}
          </NumbersTable>
          {trained.length ? (
            <ChartAndNumbers
              id="par-secteur"
              title={t('Personnes formées par secteur', 'People trained by sector')}
              description={t('Somme des chiffres acceptés, par secteur de formation.', 'Sum of the accepted figures, by sector of training.')}
              headers={[t('Secteur', 'Sector'), t('Personnes', 'People')]}
              rows={trained.map((s) => [pick(s.label, locale), s.trained!])}
              format={n}
            />
          ) : null}
          <ChartAndNumbers
            id="organisations-secteur"
            title={t('Organisations par secteur', 'Organizations by sector')}
            description={t('Partenaires ayant contribué, par secteur où ils travaillent.', 'Contributing partners, by the sectors they work in.')}
            headers={[t('Secteur', 'Sector'), t('Organisations', 'Organizations')]}
            rows={i.bySector.map((s) => [pick(s.label, locale), s.partners])}
            format={n}
          />
          {regions.length ? (
            <ChartAndNumbers
              id="organisations-region"
              title={t('Organisations par région', 'Organizations by region')}
              description={pick(TEXT.byRegionDescription, ctx.locale)}
              headers={[t('Région', 'Region'), t('Organisations', 'Organizations')]}
              rows={regions.map((r) => [r.label, r.partners])}
              format={n}
            />
          ) : null}
          <p>
            <a href={`/api/v1/events/${encodeURIComponent(event.slug)}/impact.csv${yearQuery}${locale === 'fr' ? '' : `${yearQuery ? '&' : '?'}lang=en`}`}>
              {t('Télécharger les chiffres (CSV)', 'Download the figures (CSV)')}
            </a>{' '}
            · <a href={`/api/v1/events/${encodeURIComponent(event.slug)}/impact${yearQuery}`}>JSON</a>
          </p>
        </>
      )}
    </PublicPage>,
  );
}
