import { can, dateFormat, Locale, Localized, pick, ProblemDocument, renderPage, translator } from '@palabre/platform';
import type { EventView, RegistrationQuestion } from '@palabre/events';
import {
  AGE_GROUPS,
  answerText,
  GENDERS,
  ORGANIZATION_TYPES,
  REGISTRATION_STATUS_LABELS,
  REGISTRATION_STATUSES,
  RegistrationDetail,
  RegistrationListItem,
  RegistrationsFilterDto,
  RegistrationSummary,
  Workshop,
} from '@palabre/registration';
import type { Page } from '@palabre/platform';
import {
  CheckboxField,
  Csrf,
  EmailLanguageField,
  ErrorSummary,
  fieldError,
  formFields,
  Notice,
  PostButton,
  SelectField,
  TextField,
  Panel,
  Submit,
  BackLink,
} from '../admin/forms';
import { DataTable } from '../admin/tables';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';
import { EventLayout } from '../program-admin/event-layout';
import catalog from './organizer-registrations.labels.json';

/** The page's longer texts, French then English. */
/** The walk-in form's hint: one of the two is enough. */
const EMAIL_OR_PHONE: Localized = { fr: 'Un e-mail ou un téléphone.', en: 'An email or a phone.' };

const TEXT = {
  anonymizeIntro: {
    fr: 'Effacer les noms, coordonnées, organisations et réponses de toutes les inscriptions. Les statuts et catégories restent pour les statistiques. Irréversible.',
    en: 'Erase the names, contact details, organizations and answers of every registration. Statuses and categories stay for the figures. Cannot be undone.',
  },
  cancelled: {
    fr: "Inscription annulée : la personne est prévenue par e-mail et la place va à la liste d'attente.",
    en: 'Registration cancelled: the person is told by email and the seat goes to the waiting list.',
  },
  alreadySent: {
    fr: 'Le lien a déjà été renvoyé dans l’heure : rien de plus n’est parti.',
    en: 'The link was already sent again this hour: nothing more went out.',
  },
  smsNotSent: {
    fr: 'Aucun SMS n’est parti : déjà renvoyé dans l’heure, ou une limite d’envoi est atteinte (voir le journal des SMS).',
    en: 'No text message went out: already sent again this hour, or a sending limit is reached (see the SMS log).',
  },
  walkInIntro: {
    fr: "Pour quelqu'un qui se présente sans inscription : confirmé·e tout de suite s'il reste une place, sinon en liste d'attente. L'e-mail est facultatif.",
    en: 'For someone who turns up without registering: confirmed at once while a seat is left, otherwise on the waiting list. The email is optional.',
  },
} satisfies Record<string, Localized>;

export type RegistrationNotice = 'added' | 'cancelled' | 'resent' | 'already-sent' | 'sms-sent' | 'sms-not-sent' | 'anonymized';

const MOMENT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };

/** A moment in the event's time zone, as organizers read it. */
function moment(d: Date | string | null, event: EventView, locale: Locale): string {
  return d ? dateFormat(locale, event.timeZone, MOMENT).format(new Date(d)) : '';
}

const options = (labels: Record<string, { fr: string; en?: string }>, locale: Locale, blank: string) => [
  { value: '', label: blank },
  ...Object.entries(labels).map(([value, label]) => ({ value, label: pick(label, locale) })),
];

const HISTORY_LABELS: Record<string, { fr: string; en: string }> = catalog.history;

/** The registrations page's query as links keep it (filters and page, not the language: the cookie keeps it). */
export function listHref(
  ctx: OrganizerEventContext,
  filter: RegistrationsFilterDto,
  page?: number,
  base = eventPath(ctx, '/registrations'),
  lang?: Locale,
): string {
  const query = new URLSearchParams();
  for (const key of ['q', 'status', 'sessionId', 'organizationType', 'region', 'question', 'answer'] as const) {
    const value = filter[key];
    if (value) query.set(key, value);
  }
  if (page && page > 1) query.set('page', String(page));
  if (lang && lang !== 'fr') query.set('lang', lang);
  const s = query.toString();
  return s ? `${base}?${s}` : base;
}

function Summary(props: { ctx: OrganizerEventContext; summary: RegistrationSummary }) {
  const { ctx, summary } = props;
  const t = translator(ctx.locale);
  const l = ctx.locale;
  const count = (label: string, n: number | string) => (l === 'en' ? `${label}: ${n}` : `${label} : ${n}`);
  return (
    <Panel id="summary" title={t('En chiffres', 'Figures')}>
      <ul class="counts">
        <li>
          <strong>
            {count(
              t('Places prises', 'Seats taken'),
              summary.seats.capacity === null ? summary.seats.taken : `${summary.seats.taken} / ${summary.seats.capacity}`,
            )}
          </strong>
        </li>
        <li>{count(t("Liste d'attente", 'Waiting list'), summary.waitlist)}</li>
        {REGISTRATION_STATUSES.map((s) => (
          <li>
            <a href={listHref(ctx, { status: s })}>{count(pick(REGISTRATION_STATUS_LABELS[s], l), summary.byStatus[s])}</a>
          </li>
        ))}
      </ul>
      {summary.workshops.length > 0 ? (
        <DataTable
          caption={t('Ateliers', 'Workshops')}
          columns={[
            { header: t('Atelier', 'Workshop'), cell: (w) => <a href={listHref(ctx, { sessionId: w.id })}>{pick(w.title, l)}</a> },
            { header: t('Début', 'Starts'), cell: (w) => moment(w.startsAt, ctx.event, l) },
            { header: t('Inscrits / places', 'Signed up / seats'), cell: (w) => `${w.signedUp} / ${w.capacity ?? '∞'}` },
            { header: t('En attente', 'Waiting'), cell: (w) => String(w.waiting) },
          ]}
          rows={summary.workshops}
        />
      ) : null}
      {summary.perDay.length > 0 ? (
        <details>
          <summary>{t('Inscriptions par jour', 'Registrations per day')}</summary>
          <DataTable
            caption={t('Inscriptions par jour', 'Registrations per day')}
            columns={[
              { header: t('Jour', 'Day'), cell: (d) => d.date },
              { header: t('Inscriptions', 'Registrations'), cell: (d) => String(d.count) },
            ]}
            rows={summary.perDay}
          />
        </details>
      ) : null}
    </Panel>
  );
}

/** `/admin/o/{org}/events/{slug}/registrations`: the figures, the filters, the list, the export. */
export function renderRegistrationsPage(
  ctx: OrganizerEventContext,
  props: {
    summary: RegistrationSummary;
    list: Page<RegistrationListItem>;
    filter: RegistrationsFilterDto;
    workshops: Workshop[];
    problem?: ProblemDocument;
    notice?: RegistrationNotice;
    now: Date;
  },
): string {
  const t = translator(ctx.locale);
  const l = ctx.locale;
  const { list, filter, event } = { ...props, event: ctx.event };
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const base = eventPath(ctx, '/registrations');
  const csv = listHref(ctx, filter, undefined, `/api/v1/events/${event.slug}/registrations.csv`, l);
  const role = ctx.organization.role;
  const questions = event.questions;
  /** A filter's input: its id, the query parameter it sets and the value it keeps. */
  const filterInput = (id: string, name: 'status' | 'sessionId' | 'organizationType' | 'region' | 'question' | 'answer') => ({
    id,
    name,
    value: filter[name] ?? '',
  });
  return renderPage(
    <EventLayout ctx={ctx} tab="registrations" title={t('Inscriptions', 'Registrations')}>
      <h1>{t('Inscriptions', 'Registrations')}</h1>
      <Notice
        text={
          props.notice === 'anonymized'
            ? t('Les données personnelles des inscriptions ont été effacées.', 'The registrations’ personal data was erased.')
            : undefined
        }
      />
      <Summary ctx={ctx} summary={props.summary} />
      <p class="actions">
        {can(role, 'registrations:add') ? <a href={eventPath(ctx, '/registrations/new')}>{t('Ajouter une personne', 'Add someone')}</a> : null}{' '}
        <a href={csv} download>
          {t('Exporter en CSV (tableur)', 'Export as CSV (spreadsheet)')}
        </a>
      </p>
      <form method="get" action={base} class="filters" role="search" aria-label={t('Chercher une inscription', 'Search registrations')}>
        <div class="field">
          <label for="reg-q">{t('Nom, e-mail, téléphone, référence ou organisation', 'Name, email, phone, reference or organization')}</label>
          <input id="reg-q" name="q" type="search" value={filter.q ?? ''} maxLength={200} />
        </div>
        <SelectField
          {...filterInput('reg-status', 'status')}
          label={t('Statut', 'Status')}
          options={options(REGISTRATION_STATUS_LABELS, l, t('Tous', 'All'))}
        />
        {props.workshops.length > 0 ? (
          <SelectField
            {...filterInput('reg-session', 'sessionId')}
            label={t('Atelier', 'Workshop')}
            options={[{ value: '', label: t('Tous', 'All') }, ...props.workshops.map((w) => ({ value: w.id, label: pick(w.title, l) }))]}
          />
        ) : null}
        <SelectField
          {...filterInput('reg-type', 'organizationType')}
          label={t("Type d'organisation", 'Organization type')}
          options={options(ORGANIZATION_TYPES, l, t('Tous', 'All'))}
        />
        <TextField {...filterInput('reg-region', 'region')} label={t('Région', 'Region')} />
        {questions.length > 0 ? (
          <>
            <SelectField
              {...filterInput('reg-question', 'question')}
              label={t('Question', 'Question')}
              error={fieldError(props.problem, 'question')}
              options={[{ value: '', label: t('Aucune', 'None') }, ...questions.map((q) => ({ value: q.id, label: pick(q.label, l) }))]}
            />
            <TextField
              {...filterInput('reg-answer', 'answer')}
              label={t('Réponse', 'Answer')}
              hint={t('Le code d’un choix, true/false, un nombre, ou un mot de la réponse.', 'A choice’s code, true/false, a number, or a word of the answer.')}
              error={fieldError(props.problem, 'answer')}
            />
          </>
        ) : null}
        <button type="submit">{t('Filtrer', 'Filter')}</button>
      </form>
      <ErrorSummary locale={l} problem={props.problem} ids={{ question: 'reg-question', answer: 'reg-answer' }} />
      {list.items.length === 0 ? (
        <p>{t('Aucune inscription.', 'No registration.')}</p>
      ) : (
        <DataTable
          caption={t(`${list.total} inscription(s) — page ${list.page} sur ${pages}`, `${list.total} registration(s) — page ${list.page} of ${pages}`)}
          columns={[
            { header: t('Référence', 'Reference'), cell: (r) => <a href={eventPath(ctx, `/registrations/${r.reference}`)}>{r.reference}</a> },
            { header: t('Nom', 'Name'), cell: (r) => (r.erasedAt ? <em>{t('(effacé)', '(erased)')}</em> : `${r.firstName} ${r.lastName}`) },
            { header: t('Contact', 'Contact'), cell: (r) => [r.email, r.phone].filter(Boolean).join(' · ') },
            { header: t('Organisation', 'Organization'), cell: (r) => r.organization },
            {
              header: t('Statut', 'Status'),
              cell: (r) => `${pick(REGISTRATION_STATUS_LABELS[r.status], l)}${r.waitlistPosition ? ` (${r.waitlistPosition})` : ''}`,
            },
            { header: t('Inscrit·e le', 'Registered'), cell: (r) => moment(r.createdAt, event, l) },
          ]}
          rows={list.items}
        />
      )}
      {pages > 1 ? (
        <nav aria-label={t('Pages', 'Pages')}>
          {list.page > 1 ? <a href={listHref(ctx, filter, list.page - 1)}>{t('← Précédente', '← Previous')}</a> : null}{' '}
          {list.page < pages ? <a href={listHref(ctx, filter, list.page + 1)}>{t('Suivante →', 'Next →')}</a> : null}
        </nav>
      ) : null}
      {can(role, 'registrations:write') && event.endsAt <= props.now ? (
        <Panel id="anonymize" title={t('Après l’événement', 'After the event')}>
          <p>{pick(TEXT.anonymizeIntro, ctx.locale)}</p>
          <form method="post" action={eventPath(ctx, '/registrations/anonymize')}>
            <Csrf token={ctx.csrf} />
            <p>
              <input type="checkbox" id="anonymize-confirm" name="confirm" value="oui" required />{' '}
              <label for="anonymize-confirm">
                {t('Je confirme : effacer les données personnelles de toutes les inscriptions.', 'I confirm: erase the personal data of every registration.')}
              </label>
            </p>
            <Submit kind="danger">{t('Anonymiser les inscriptions', 'Anonymize the registrations')}</Submit>
          </form>
        </Panel>
      ) : null}
    </EventLayout>,
  );
}

/** `/admin/o/{org}/events/{slug}/registrations/{reference}`: who, where they stand, what happened; cancel and resend. */
export function renderRegistrationPage(
  ctx: OrganizerEventContext,
  props: { detail: RegistrationDetail; notice?: RegistrationNotice; problem?: ProblemDocument },
): string {
  const t = translator(ctx.locale);
  const l = ctx.locale;
  const { registration: r, history } = props.detail;
  const p = r.participant;
  const event = ctx.event;
  const mayWrite = can(ctx.organization.role, 'registrations:write');
  const active = r.status === 'pending' || r.status === 'confirmed' || r.status === 'waitlisted';
  const notices: Record<RegistrationNotice, string> = {
    added: t('Personne inscrite.', 'Person registered.'),
    cancelled: pick(TEXT.cancelled, ctx.locale),
    resent: t('Lien renvoyé par e-mail.', 'Link sent again by email.'),
    'already-sent': pick(TEXT.alreadySent, ctx.locale),
    'sms-sent': t('SMS renvoyé.', 'Text message sent again.'),
    'sms-not-sent': pick(TEXT.smsNotSent, ctx.locale),
    anonymized: '',
  };
  const name = r.erasedAt ? t('(données effacées)', '(data erased)') : `${p.firstName} ${p.lastName}`;
  const fact = (label: string, value: string | null | undefined) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    ) : null;
  const category = (labels: Record<string, { fr: string; en: string }>, v: string | null) => (v ? pick(labels[v] ?? { fr: v }, l) : null);
  return renderPage(
    <EventLayout ctx={ctx} tab="registrations" title={`${r.reference} — ${t('Inscriptions', 'Registrations')}`}>
      <BackLink href={eventPath(ctx, '/registrations')}>{t('← Toutes les inscriptions', '← All registrations')}</BackLink>
      <h1>{name}</h1>
      <Notice text={props.notice ? notices[props.notice] : undefined} />
      <ErrorSummary locale={l} problem={props.problem} />
      <dl class="facts">
        {fact(t('Référence', 'Reference'), r.reference)}
        {fact(
          t('Statut', 'Status'),
          `${pick(REGISTRATION_STATUS_LABELS[r.status], l)}${r.waitlistPosition ? t(` (position ${r.waitlistPosition})`, ` (position ${r.waitlistPosition})`) : ''}`,
        )}
        {fact(t('Place gardée jusqu’au', 'Seat held until'), r.holdExpiresAt ? moment(r.holdExpiresAt, event, l) : null)}
        {fact(t('Code du billet', 'Ticket code'), r.ticketCode)}
        {fact(t('E-mail', 'Email'), p.email)}
        {fact(t('Téléphone', 'Phone'), p.phone)}
        {fact(t('Organisation', 'Organization'), p.organization)}
        {fact(t("Type d'organisation", 'Organization type'), category(ORGANIZATION_TYPES, p.organizationType))}
        {fact(t('Genre', 'Gender'), category(GENDERS, p.gender))}
        {fact(t("Tranche d'âge", 'Age group'), category(AGE_GROUPS, p.ageGroup))}
        {fact(t('Région', 'Region'), p.region)}
        {fact(t('Langue', 'Language'), p.locale === 'en' ? 'English' : 'Français')}
        {fact(t('Origine', 'Source'), r.source === 'desk' ? t('Ajoutée à l’accueil', 'Added at the desk') : t('En ligne', 'Online'))}
        {fact(t('Inscrit·e le', 'Registered'), moment(r.createdAt, event, l))}
        {fact(t('Consentement', 'Consent'), r.consent.at ? moment(r.consent.at, event, l) : null)}
        {event.questions.map((q: RegistrationQuestion) => fact(pick(q.label, l), answerText(q, p.answers[q.id], l)))}
      </dl>
      {r.sessions.length > 0 ? (
        <>
          <h2>{t('Ateliers', 'Workshops')}</h2>
          <ul>
            {r.sessions.map((s) => (
              <li>
                {s.workshop ? pick(s.workshop.title, l) : t('(atelier retiré du programme)', '(workshop no longer on the programme)')} —{' '}
                {s.status === 'signed_up'
                  ? t('inscrit·e', 'signed up')
                  : t(`en attente (${s.waitlistPosition ?? '?'})`, `waiting (${s.waitlistPosition ?? '?'})`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {mayWrite && !r.erasedAt ? (
        <section class="panel actions" aria-label={t('Actions', 'Actions')}>
          {p.email ? (
            <PostButton action={eventPath(ctx, `/registrations/${r.reference}/resend`)} csrf={ctx.csrf} kind="secondary">
              {t('Renvoyer le lien', 'Resend the link')}
            </PostButton>
          ) : null}{' '}
          {p.phone ? (
            <PostButton action={eventPath(ctx, `/registrations/${r.reference}/resend-sms`)} csrf={ctx.csrf} kind="secondary">
              {r.status === 'confirmed' ? t('Renvoyer le billet par SMS', 'Send the ticket again by SMS') : t('Renvoyer par SMS', 'Send again by SMS')}
            </PostButton>
          ) : null}{' '}
          {active ? (
            <PostButton action={eventPath(ctx, `/registrations/${r.reference}/cancel`)} csrf={ctx.csrf} kind="danger">
              {t("Annuler l'inscription", 'Cancel the registration')}
            </PostButton>
          ) : null}
        </section>
      ) : null}
      <h2>{t('Historique', 'History')}</h2>
      <DataTable
        caption={t('Historique', 'History')}
        columns={[
          { header: t('Quand', 'When'), cell: (h) => moment(h.at, event, l) },
          { header: t('Quoi', 'What'), cell: (h) => pick(HISTORY_LABELS[h.action] ?? { fr: h.action }, l) },
          {
            header: t('Par', 'By'),
            cell: (h) =>
              h.actor === 'participant'
                ? t('la personne', 'the participant')
                : h.actor === 'system'
                  ? t('automatique', 'automatic')
                  : h.actorUserId === ctx.actor.userId
                    ? t('vous', 'you')
                    : t('l’équipe', 'the team'),
          },
        ]}
        rows={history}
      />
    </EventLayout>,
  );
}

/** The desk form as typed: every field a string, multiple choices a list. */
export interface DeskFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  organization: string;
  organizationType: string;
  gender: string;
  ageGroup: string;
  region: string;
  locale: string;
  answers: Record<string, string | string[]>;
  sessionIds: string[];
}

const DESK_IDS = {
  firstName: 'desk-first-name',
  lastName: 'desk-last-name',
  email: 'desk-email',
  phone: 'desk-phone',
  organization: 'desk-organization',
  organizationType: 'desk-organization-type',
  gender: 'desk-gender',
  ageGroup: 'desk-age-group',
  region: 'desk-region',
  locale: 'desk-locale',
};

const answerId = (id: string) => `desk-answer-${id}`;

/** The form's own field names to their inputs' ids, the questions' (`answers.<id>`) and workshops' (`sessionIds.<n>`) included. */
export function deskFieldIds(event: EventView): Record<string, string> {
  return {
    ...DESK_IDS,
    ...Object.fromEntries(event.questions.map((q) => [`answers.${q.id}`, answerId(q.id)])),
    sessionIds: 'desk-workshops',
  };
}

/** `…/registrations/new`: the desk adds someone who came without registering (email optional). */
export function renderDeskPage(ctx: OrganizerEventContext, props: { values: DeskFormValues; workshops: Workshop[]; problem?: ProblemDocument }): string {
  const t = translator(ctx.locale);
  const l = ctx.locale;
  const { values, problem } = props;
  const field = formFields(DESK_IDS, values, problem);
  const answerError = (q: RegistrationQuestion) => fieldError(problem, `answers.${q.id}`);
  const ids = {
    ...deskFieldIds(ctx.event),
    ...Object.fromEntries((problem?.errors ?? []).filter((e) => e.field.startsWith('sessionIds')).map((e) => [e.field, 'desk-workshops'])),
  };
  return renderPage(
    <EventLayout ctx={ctx} tab="registrations" title={t('Ajouter une personne', 'Add someone')}>
      <BackLink href={eventPath(ctx, '/registrations')}>{t('← Toutes les inscriptions', '← All registrations')}</BackLink>
      <h1>{t('Ajouter une personne', 'Add someone')}</h1>
      <p class="muted">{pick(TEXT.walkInIntro, ctx.locale)}</p>
      <ErrorSummary locale={l} problem={problem} ids={ids} />
      <form method="post" action={eventPath(ctx, '/registrations')} novalidate class="pe-form">
        <Csrf token={ctx.csrf} />
        <fieldset>
          <legend>{t('La personne', 'The person')}</legend>
          <TextField {...field('firstName')} label={t('Prénom', 'First name')} autocomplete="off" required />
          <TextField {...field('lastName')} label={t('Nom', 'Last name')} autocomplete="off" required />
          <TextField {...field('email')} type="email" label={t('E-mail (facultatif)', 'Email (optional)')} autocomplete="off" />
          <TextField {...field('phone')} type="tel" label={t('Téléphone', 'Phone')} hint={pick(EMAIL_OR_PHONE, l)} autocomplete="off" />
          <TextField {...field('organization')} label={t('Organisation (facultatif)', 'Organization (optional)')} autocomplete="off" />
          <SelectField {...field('organizationType')} label={t("Type d'organisation", 'Organization type')} options={options(ORGANIZATION_TYPES, l, '—')} />
          <SelectField {...field('gender')} label={t('Genre', 'Gender')} options={options(GENDERS, l, '—')} />
          <SelectField {...field('ageGroup')} label={t("Tranche d'âge", 'Age group')} options={options(AGE_GROUPS, l, '—')} />
          <TextField {...field('region')} label={t('Région (facultatif)', 'Region (optional)')} autocomplete="off" />
          <EmailLanguageField {...field('locale')} locale={l} />
        </fieldset>
        {ctx.event.questions.length > 0 ? (
          <fieldset>
            <legend>{t('Questions', 'Questions')}</legend>
            {ctx.event.questions.map((q) => (
              <QuestionInput q={q} locale={l} value={values.answers[q.id]} error={answerError(q)} />
            ))}
          </fieldset>
        ) : null}
        {props.workshops.length > 0 ? (
          <fieldset id="desk-workshops">
            <legend>{t('Ateliers (facultatif)', 'Workshops (optional)')}</legend>
            {props.workshops.map((w, i) => (
              <CheckboxField
                id={`desk-workshop-${i}`}
                name="sessionIds"
                value={w.id}
                checked={values.sessionIds.includes(w.id)}
                label={`${pick(w.title, l)} — ${moment(w.startsAt, ctx.event, l)}`}
              />
            ))}
          </fieldset>
        ) : null}
        <button type="submit">{t('Inscrire', 'Register')}</button>
      </form>
    </EventLayout>,
  );
}

function QuestionInput(props: { q: RegistrationQuestion; locale: Locale; value: string | string[] | undefined; error?: string }) {
  const { q, locale } = props;
  const t = translator(locale);
  const label = `${pick(q.label, locale)}${q.required ? '' : t(' (facultatif)', ' (optional)')}`;
  const name = `answers.${q.id}`;
  const single = typeof props.value === 'string' ? props.value : '';
  const common = { id: answerId(q.id), name, label, error: props.error };
  switch (q.kind) {
    case 'text':
      return <TextField {...common} value={single} />;
    case 'number':
      return <TextField {...common} value={single} type="number" inputmode="decimal" />;
    case 'boolean':
      return (
        <SelectField
          {...common}
          value={single}
          options={[
            { value: '', label: '—' },
            { value: 'true', label: t('Oui', 'Yes') },
            { value: 'false', label: t('Non', 'No') },
          ]}
        />
      );
    case 'choice':
      return (
        <SelectField
          {...common}
          value={single}
          options={[{ value: '', label: '—' }, ...(q.choices ?? []).map((c) => ({ value: c.value, label: pick(c.label, locale) }))]}
        />
      );
    case 'multi': {
      const chosen = Array.isArray(props.value) ? props.value : single ? [single] : [];
      return (
        <fieldset id={common.id}>
          <legend>{label}</legend>
          {(q.choices ?? []).map((c, i) => (
            <CheckboxField id={`${common.id}-${i}`} name={name} value={c.value} checked={chosen.includes(c.value)} label={pick(c.label, locale)} />
          ))}
          {props.error ? <p class="field-error">{props.error}</p> : null}
        </fieldset>
      );
    }
  }
}
