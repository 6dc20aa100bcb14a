import type { ComponentChildren } from 'preact';
import { can, Localized, pick, ProblemDocument, renderPage, translate, translator } from '@palabre/platform';
import {
  FIGURES_STATUS_LABELS,
  FiguresView,
  InterestView,
  MALI_REGIONS,
  OPPORTUNITY_KIND_LABELS,
  OPPORTUNITY_KINDS,
  OpportunityView,
  OwnOpportunityView,
  PartnerArea,
  PartnerCatalog,
  PROPOSED_SESSION_TYPES,
} from '@palabre/partners';
import { eventDays, SESSION_TYPE_LABELS } from '@palabre/program';
import { AdminLayout } from '../admin/admin-layout';
import { CheckboxField, Csrf, ErrorSummary, fieldError, formFields, Notice, SelectField, TextAreaField, TextField, Submit } from '../admin/forms';
import { organizationPath } from '../common/organizer-organization';
import { OwnSessionsView } from './own-sessions';
import { PartnerContext, partnerPath } from './partner-area';
import { formatDate, partnerPaths } from './public-partners-pages';
import type { OrganizerContext } from '../common/organizer-organization';
import areaLabels from './partner-area.labels.json';

/** The page's longer texts, French then English. */
const TEXT = {
  attendance: { fr: ' — {signedUp} inscrit(s), {checkedIn} présent(s)', en: ' — {signedUp} signed up, {checkedIn} checked in' },
} satisfies Record<string, Localized>;

/** The forms of the partner area; a refused one comes back with what was typed and its problem. */
export type PartnerForm = 'profile' | 'logo' | 'figures' | 'opportunity' | 'session';
export interface RefusedForm {
  form: PartnerForm;
  values: Record<string, string | string[]>;
  problem: ProblemDocument;
}

export const PARTNER_NOTICES: Record<string, Localized> = areaLabels.notices;

export interface PartnerAreaPage {
  catalog: PartnerCatalog;
  year: number;
  figures: FiguresView | null;
  opportunities: OwnOpportunityView[];
  sessions: OwnSessionsView;
  notice?: string;
  refused?: RefusedForm;
}

const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v : '');
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : typeof v === 'string' && v ? [v] : []);
/** A form's inputs, each with its name as its id. */
const sameIds = <K extends string>(...names: K[]) => Object.fromEntries(names.map((n) => [n, n as string])) as Record<K, string>;
const PROFILE_IDS = sameIds('name', 'acronym', 'missionFr', 'missionEn', 'website', 'contactEmail', 'contactPhone');
const OPPORTUNITY_IDS = sameIds('kind', 'title', 'description', 'region', 'sector', 'deadline', 'howToApply');
const SESSION_IDS = sameIds('titleFr', 'abstractFr', 'type', 'day', 'from', 'to');

function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
    </section>
  );
}

/** Every partnership of the organization: the events it is a partner of. */
export function renderPartnershipsPage(ctx: OrganizerContext, areas: PartnerArea[]): string {
  const t = translator(ctx.locale);
  return renderPage(
    <AdminLayout ctx={ctx} title={t('Partenariats', 'Partnerships')} section="partnerships">
      <h1>{t('Partenariats', 'Partnerships')}</h1>
      {areas.length === 0 ? (
        <p>{t('Votre organisation n’est partenaire d’aucun événement.', 'Your organization is not a partner of any event.')}</p>
      ) : (
        <ul>
          {areas.map((a) => (
            <li>
              <a href={`${organizationPath(ctx.organization)}/partenariats/${a.event.slug}`}>{pick(a.event.title, ctx.locale)}</a>
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>,
  );
}

/** The partner area on one event: profile, logo, figures, opportunities, sessions — one page, forms without JavaScript. */
export function renderPartnerAreaPage(ctx: PartnerContext, m: PartnerAreaPage): string {
  const t = translator(ctx.locale);
  const { locale } = ctx;
  const { partner, event } = ctx.area;
  const write = can(ctx.organization.role, 'partner:write') && event.status !== 'archived';
  const refused = (form: PartnerForm) => (m.refused?.form === form ? m.refused : undefined);
  const base = partnerPath(ctx);
  const profile = refused('profile');
  const pv = profile?.values ?? {
    name: partner.name,
    acronym: partner.acronym ?? '',
    missionFr: partner.mission.fr,
    missionEn: partner.mission.en ?? '',
    sectors: partner.sectors,
    regions: partner.regions,
    website: partner.website ?? '',
    contactEmail: partner.contactEmail ?? '',
    contactPhone: partner.contactPhone ?? '',
  };
  const pe = (f: string) => fieldError(profile?.problem, f);
  const pf = formFields(PROFILE_IDS, pv, profile?.problem);
  const figures = refused('figures');
  const locked = m.figures?.status === 'submitted' || m.figures?.status === 'accepted';
  const fv = (key: string, part: 'value' | 'note' | 'source') =>
    figures ? str(figures.values[`${part}-${key}`]) : String((m.figures?.values[key] as Record<string, unknown> | undefined)?.[part] ?? '');
  const opportunity = refused('opportunity');
  const ov = opportunity?.values ?? {};
  const of = formFields(OPPORTUNITY_IDS, ov, opportunity?.problem);
  const session = refused('session');
  const sv = session?.values ?? {};
  const sf = formFields(SESSION_IDS, sv, session?.problem);
  const se = (f: string) => fieldError(session?.problem, f);
  const days = eventDays(event);
  return renderPage(
    <AdminLayout ctx={ctx} title={t('Espace partenaire', 'Partner space')} section="partnerships">
      <p class="pe-crumbs">
        <a href={`${organizationPath(ctx.organization)}/partenariats`}>{t('Partenariats', 'Partnerships')}</a>
        <span aria-hidden="true"> › </span>
        <span>{pick(event.title, locale)}</span>
      </p>
      <h1>{t(`Espace partenaire — ${pick(event.title, locale)}`, `Partner space — ${pick(event.title, locale)}`)}</h1>
      <Notice text={m.notice} />
      <p>
        <a href={partnerPaths.partner(event.slug, partner.slug)}>{t('Voir notre page publique', 'See our public page')}</a>
      </p>

      <Section id="profil" title={t('Profil public', 'Public profile')}>
        {write ? (
          <form method="post" action={`${base}/profil`}>
            <Csrf token={ctx.csrf} />
            <ErrorSummary problem={profile?.problem} locale={locale} />
            <TextField {...pf('name')} label={t('Nom', 'Name')} required />
            <TextField {...pf('acronym')} label={t('Sigle', 'Acronym')} />
            <TextAreaField {...pf('missionFr')} label={t('Mission (français)', 'Mission (French)')} error={pe('mission.fr')} />
            <TextAreaField {...pf('missionEn')} label={t('Mission (anglais)', 'Mission (English)')} error={pe('mission.en')} />
            <fieldset>
              <legend>{t('Secteurs', 'Sectors')}</legend>
              {m.catalog.sectors.map((s) => (
                <CheckboxField id={`sector-${s.key}`} name="sectors" value={s.key} label={pick(s.label, locale)} checked={list(pv.sectors).includes(s.key)} />
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('Régions où vous travaillez', 'Regions where you work')}</legend>
              {MALI_REGIONS.map((r) => (
                <CheckboxField id={`region-${r.key}`} name="regions" value={r.key} label={r.label} checked={list(pv.regions).includes(r.key)} />
              ))}
            </fieldset>
            <TextField {...pf('website')} type="url" label={t('Site web', 'Website')} />
            <TextField {...pf('contactEmail')} type="email" label={t('E-mail public', 'Public email')} />
            <TextField {...pf('contactPhone')} type="tel" label={t('Téléphone public', 'Public phone')} />
            <button type="submit">{t('Enregistrer le profil', 'Save the profile')}</button>
          </form>
        ) : (
          <p>{partner.name}</p>
        )}
        {write ? (
          <form method="post" action={`${base}/logo`} enctype="multipart/form-data">
            <Csrf token={ctx.csrf} />
            <ErrorSummary problem={refused('logo')?.problem} locale={locale} />
            <div class="field">
              <label for="logo">{t('Logo (JPEG, PNG ou WebP, 5 Mo au plus)', 'Logo (JPEG, PNG or WebP, 5 MB at most)')}</label>
              <input id="logo" name="logo" type="file" accept="image/jpeg,image/png,image/webp" required />
            </div>
            <Submit kind="secondary">{t('Envoyer le logo', 'Upload the logo')}</Submit>
          </form>
        ) : null}
      </Section>

      <Section id="chiffres" title={t(`Chiffres ${m.year}`, `Figures ${m.year}`)}>
        <form method="get" action={base} class="filters">
          <div class="field">
            <label for="annee">{t('Année', 'Year')}</label>
            <input id="annee" name="annee" type="number" inputMode="numeric" min={2000} max={2100} value={String(m.year)} />
          </div>
          <Submit kind="secondary">{t('Changer d’année', 'Change year')}</Submit>
        </form>
        <p>
          {t('État : ', 'Status: ')}
          <strong>{m.figures ? pick(FIGURES_STATUS_LABELS[m.figures.status], locale) : t('rien de saisi', 'nothing entered')}</strong>
        </p>
        {m.figures?.reviewComment ? (
          <p class="notice" role="status">
            {t('Commentaire de l’organisation : ', 'Comment from the organizers: ')}
            {m.figures.reviewComment}
          </p>
        ) : null}
        <p class="muted">
          {t('Laissez vide un chiffre que vous ne connaissez pas : il ne sera pas compté.', 'Leave a figure you do not know empty: it will not be counted.')}
        </p>
        <form method="post" action={`${base}/chiffres`}>
          <Csrf token={ctx.csrf} />
          <input type="hidden" name="year" value={String(m.year)} />
          <ErrorSummary problem={figures?.problem} locale={locale} />
          {m.catalog.indicators.map((i, n) => (
            <fieldset>
              <legend>{pick(i.label, locale) + (i.kind === 'percent' ? ' (%)' : '')}</legend>
              <TextField
                id={`value-${i.key}`}
                name={`value-${i.key}`}
                label={t('Valeur', 'Value')}
                type="number"
                inputmode="decimal"
                min={0}
                step={i.kind === 'percent' ? 0.1 : 1}
                value={fv(i.key, 'value')}
                error={fieldError(figures?.problem, `values.${n}.value`)}
              />
              <TextField id={`note-${i.key}`} name={`note-${i.key}`} label={t('Note', 'Note')} value={fv(i.key, 'note')} />
              <TextField id={`source-${i.key}`} name={`source-${i.key}`} label={t('Source', 'Source')} value={fv(i.key, 'source')} />
            </fieldset>
          ))}
          {write && !locked ? (
            <p class="actions">
              <button type="submit" name="action" value="save" class="secondary">
                {t('Enregistrer le brouillon', 'Save the draft')}
              </button>{' '}
              <button type="submit" name="action" value="submit">
                {t('Enregistrer et soumettre', 'Save and submit')}
              </button>
            </p>
          ) : null}
        </form>
      </Section>

      <Section id="offres" title={t('Nos offres', 'Our opportunities')}>
        {m.opportunities.length === 0 ? <p class="muted">{t('Aucune offre.', 'No opportunity.')}</p> : null}
        <ul>
          {m.opportunities.map((o) => (
            <li>
              {o.open ? <a href={partnerPaths.opportunity(event.slug, o.number)}>{o.title}</a> : <span>{o.title}</span>} —{' '}
              {pick(OPPORTUNITY_KIND_LABELS[o.kind], locale)}, {t('jusqu’au', 'until')} {formatDate(o.deadline, locale)}
              {o.open ? '' : t(' (close)', ' (closed)')}
              {o.acceptsContacts && can(ctx.organization.role, 'partner:write') ? (
                <>
                  {' '}
                  · <a href={`${base}/opportunites/${o.id}`}>{t(`${o.contacts} contact(s)`, `${o.contacts} contact(s)`)}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {write ? (
          <form method="post" action={`${base}/opportunites`}>
            <Csrf token={ctx.csrf} />
            <h3>{t('Publier une offre', 'Post an opportunity')}</h3>
            <ErrorSummary problem={opportunity?.problem} locale={locale} />
            <SelectField
              {...of('kind')}
              label={t('Type', 'Type')}
              options={OPPORTUNITY_KINDS.map((k) => ({ value: k, label: pick(OPPORTUNITY_KIND_LABELS[k], locale) }))}
            />
            <TextField {...of('title')} label={t('Intitulé', 'Title')} required />
            <TextAreaField {...of('description')} label={t('Description', 'Description')} />
            <SelectField {...of('region')} label={t('Région', 'Region')} options={MALI_REGIONS.map((r) => ({ value: r.key, label: r.label }))} />
            <SelectField
              {...of('sector')}
              label={t('Secteur', 'Sector')}
              options={[{ value: '', label: t('—', '—') }, ...m.catalog.sectors.map((s) => ({ value: s.key, label: pick(s.label, locale) }))]}
            />
            <TextField {...of('deadline')} type="date" label={t('Date limite', 'Deadline')} required />
            <TextAreaField {...of('howToApply')} label={t('Comment postuler', 'How to apply')} required />
            <CheckboxField
              id="acceptsContacts"
              name="acceptsContacts"
              value="oui"
              checked={str(ov.acceptsContacts) === 'oui'}
              label={t('Les participants peuvent nous laisser leur contact', 'Participants may leave us their contact')}
            />
            <button type="submit">{t('Publier l’offre', 'Post the opportunity')}</button>
          </form>
        ) : null}
      </Section>

      <Section id="sessions" title={t('Nos sessions', 'Our sessions')}>
        {m.sessions.length === 0 ? <p class="muted">{t('Aucune session proposée.', 'No session proposed.')}</p> : null}
        <ul>
          {m.sessions.map(({ session: s, attendance }) => (
            <li>
              {pick(s.title, locale)} —{' '}
              {s.status === 'draft'
                ? t('proposée, à placer', 'proposed, to be placed')
                : s.status === 'confirmed'
                  ? t('au programme', 'in the programme')
                  : t('annulée', 'cancelled')}
              {s.room ? `, ${s.room.name}` : ''}
              {attendance ? translate(TEXT.attendance, ctx.locale, { signedUp: attendance.signedUp, checkedIn: attendance.checkedIn }) : ''}
            </li>
          ))}
        </ul>
        {write ? (
          <form method="post" action={`${base}/seances`}>
            <Csrf token={ctx.csrf} />
            <h3>{t('Proposer une session', 'Propose a session')}</h3>
            <ErrorSummary problem={session?.problem} locale={locale} />
            <TextField {...sf('titleFr')} label={t('Titre (français)', 'Title (French)')} error={se('title.fr')} required />
            <TextAreaField {...sf('abstractFr')} label={t('Résumé (français)', 'Abstract (French)')} />
            <SelectField
              {...sf('type')}
              label={t('Type', 'Type')}
              options={PROPOSED_SESSION_TYPES.map((k) => ({ value: k, label: pick(SESSION_TYPE_LABELS[k], locale) }))}
            />
            <SelectField {...sf('day')} label={t('Jour', 'Day')} options={days.map((d) => ({ value: d.date, label: d.date }))} />
            <TextField {...sf('from')} type="time" label={t('Début', 'Start')} error={se('startsAt')} required />
            <TextField {...sf('to')} type="time" label={t('Fin', 'End')} error={se('endsAt')} required />
            <button type="submit">{t('Proposer', 'Propose')}</button>
          </form>
        ) : null}
      </Section>
    </AdminLayout>,
  );
}

/** The people who left their contact for one opportunity, with their consent. */
export function renderContactsPage(ctx: PartnerContext, opportunity: OpportunityView, interests: InterestView[]): string {
  const t = translator(ctx.locale);
  return renderPage(
    <AdminLayout ctx={ctx} title={opportunity.title} section="partnerships">
      <p class="pe-crumbs">
        <a href={partnerPath(ctx)}>{t('Espace partenaire', 'Partner space')}</a>
      </p>
      <h1>{t(`Contacts — ${opportunity.title}`, `Contacts — ${opportunity.title}`)}</h1>
      {interests.length === 0 ? (
        <p>{t('Personne n’a encore laissé son contact.', 'Nobody has left their contact yet.')}</p>
      ) : (
        <ul class="profiles">
          {interests.map((i) => (
            <li class="card">
              <h2>{i.name}</h2>
              <p>{[i.email, i.phone].filter(Boolean).join(' · ')}</p>
              <p class="muted">
                {t('Consentement : ', 'Consent: ')}« {i.consentText} » — {i.consentedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC
              </p>
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>,
  );
}
