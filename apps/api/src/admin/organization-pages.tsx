import type { ComponentChildren } from 'preact';
import type { EventView } from '@palabre/events';
import type { RecentAnswer, WaitingAnswers } from '@palabre/program';
import { formatMoment } from './format';
import { can, Localized, pick, ProblemDocument, renderPage, translate, translator } from '@palabre/platform';
import { formatDateRange } from '../home/format';
import { AdminContext } from './admin-context';
import { AdminLayout, adminNav } from './admin-layout';
import { DataTable } from './tables';
import { Csrf, ErrorSummary, formFields, TextField, Panel } from './forms';
import { roleLabel } from './roles';
import { OrganizerContext } from '../common/organizer-organization';
import type { EventHeadlineFigures } from '@palabre/reporting';

/** The page's longer texts, French then English. */
const TEXT = {
  noOrganization: {
    fr: "Vous n'êtes membre d'aucune organisation. Une organisation peut vous inviter depuis sa page Membres.",
    en: 'You are not a member of any organization. An organization can invite you from its Members page.',
  },
  smsStopped: {
    fr: 'Les SMS sont arrêtés pour aujourd’hui : le budget quotidien est atteint ({used} segments). Les inscriptions continuent d’être enregistrées ; les messages refusés sont dans le journal des SMS.',
    en: 'Text messages are stopped for today: the daily budget is spent ({used} segments). Registrations are still recorded; the refused messages are in the SMS log.',
  },
} satisfies Record<string, Localized>;

/** `/admin` for someone in no organization, or in several. */
export function renderOrganizationChooser(ctx: AdminContext): string {
  const t = translator(ctx.locale);
  const list = ctx.actor.memberships;
  return renderPage(
    <AdminLayout ctx={ctx} title={t('Vos organisations', 'Your organizations')}>
      <h1>{t('Vos organisations', 'Your organizations')}</h1>
      {list.length === 0 ? (
        <p>
          {pick(TEXT.noOrganization, ctx.locale)} <a href="/admin/account">{t('Mon compte', 'My account')}</a>
        </p>
      ) : (
        <ul class="cards">
          {list.map((m) => (
            <li class="card">
              <h2>
                <a href={`/admin/o/${m.organizationSlug}`}>{m.organizationName}</a>
              </h2>
              <p class="muted">{roleLabel(m.role, ctx.locale)}</p>
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>,
  );
}

export interface DashboardFigures {
  /** Messages by state, for members who manage mail. */
  mail?: MessageStates;
  /** Texts by state, and whether the day's SMS budget stopped them (shown once there is any, or when stopped). */
  sms?: { counts: MessageStates; budget: { used: number; stopped: boolean } };
  /** The speakers' latest answers, and how many roles wait for one, by event. */
  answers?: { recent: RecentAnswer[]; waiting: WaitingAnswers[] };
  /** Events with registrations, for members who read the figures. */
  events?: EventHeadlineFigures[];
}

type MessageStates = Record<'queued' | 'sending' | 'sent' | 'failed', number>;

/** Sent, waiting and failed messages of one channel, each linked to its log filtered. */
function MessageCounts(props: { ctx: OrganizerContext; id: string; title: string; log: string; counts: MessageStates; children?: ComponentChildren }) {
  const { counts, log } = props;
  const t = translator(props.ctx.locale);
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.children}
      <ul class="counts">
        <li>
          <a href={`${log}?status=sent`}>{t(`Envoyés : ${counts.sent}`, `Sent: ${counts.sent}`)}</a>
        </li>
        <li>
          <a href={`${log}?status=queued`}>{t(`En attente : ${counts.queued + counts.sending}`, `Waiting: ${counts.queued + counts.sending}`)}</a>
        </li>
        <li>
          <a href={`${log}?status=failed`}>
            {counts.failed > 0 ? <strong>{t(`En échec : ${counts.failed}`, `Failed: ${counts.failed}`)}</strong> : t('En échec : 0', 'Failed: 0')}
          </a>
        </li>
      </ul>
    </section>
  );
}

/** The speakers' answers: the latest first, with their notes, and who is still to answer. */
function SpeakerAnswers(props: { ctx: OrganizerContext; answers: NonNullable<DashboardFigures['answers']> }) {
  const { ctx, answers } = props;
  const t = translator(ctx.locale);
  if (answers.recent.length === 0 && answers.waiting.length === 0) return null;
  const events = `/admin/o/${ctx.organization.organizationSlug}/events`;
  return (
    <section aria-labelledby="dashboard-answers">
      <h2 id="dashboard-answers">{t('Réponses des intervenants', "Speakers' answers")}</h2>
      {answers.waiting.length > 0 ? (
        <ul class="counts">
          {answers.waiting.map((w) => (
            <li>
              <a href={`${events}/${w.eventSlug}/releases`}>
                {t(`${pick(w.eventTitle, ctx.locale)} : ${w.waiting} sans réponse`, `${pick(w.eventTitle, ctx.locale)}: ${w.waiting} not answered`)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {answers.recent.length > 0 ? (
        <ul>
          {answers.recent.map((a) => (
            <li>
              <strong>{a.speakerName}</strong> {a.answer === 'declined' ? <strong>{t('a décliné', 'declined')}</strong> : t('a accepté', 'accepted')}{' '}
              <a href={`${events}/${a.eventSlug}/program/sessions/${a.sessionId}`}>{pick(a.sessionTitle, ctx.locale)}</a>
              <span class="muted"> — {formatMoment(a.answeredAt, ctx.locale)}</span>
              {a.note ? <span class="muted"> — « {a.note} »</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** The organization's dashboard: its sections, and the figures later features (statistics, registrations) add. */
export function renderDashboard(ctx: OrganizerContext, figures: DashboardFigures = {}): string {
  const t = translator(ctx.locale);
  const sections = adminNav(ctx.organization).slice(1);
  const logs = `/admin/o/${ctx.organization.organizationSlug}`;
  return renderPage(
    <AdminLayout ctx={ctx} title={t('Tableau de bord', 'Dashboard')} section="dashboard">
      <h1>{ctx.organization.organizationName}</h1>
      <p>
        {t('Votre rôle :', 'Your role:')} <strong>{roleLabel(ctx.organization.role, ctx.locale)}</strong>
      </p>
      <ul class="cards">
        {sections.map((s) => (
          <li class="card">
            <h2>
              <a href={s.href}>{pick(s.label, ctx.locale)}</a>
            </h2>
          </li>
        ))}
      </ul>
      {figures.mail ? <MessageCounts ctx={ctx} id="dashboard-mail" title={t('Courriels', 'Mail')} log={`${logs}/mail`} counts={figures.mail} /> : null}
      {figures.sms && (figures.sms.budget.stopped || Object.values(figures.sms.counts).some((n) => n > 0)) ? (
        <MessageCounts ctx={ctx} id="dashboard-sms" title="SMS" log={`${logs}/sms`} counts={figures.sms.counts}>
          {figures.sms.budget.stopped ? (
            <p class="notice" role="status">
              <strong>{translate(TEXT.smsStopped, ctx.locale, { used: figures.sms.budget.used })}</strong>
            </p>
          ) : null}
        </MessageCounts>
      ) : null}
      {figures.answers ? <SpeakerAnswers ctx={ctx} answers={figures.answers} /> : null}
      {figures.events && figures.events.length > 0 ? (
        <section aria-labelledby="dashboard-figures">
          <h2 id="dashboard-figures">{t('Chiffres des événements', 'Event figures')}</h2>
          <DataTable
            caption={t('Chiffres des événements', 'Event figures')}
            rows={figures.events}
            columns={[
              {
                header: t('Événement', 'Event'),
                cell: (e) => <a href={`/admin/o/${ctx.organization.organizationSlug}/events/${e.slug}/stats`}>{pick(e.title, ctx.locale)}</a>,
              },
              { header: t('Inscriptions', 'Registrations'), cell: (e) => e.registrations },
              { header: t('Confirmées', 'Confirmed'), cell: (e) => e.confirmed },
              { header: t("Présentes à l'accueil", 'Checked in'), cell: (e) => e.checkedIn },
            ]}
          />
        </section>
      ) : null}
    </AdminLayout>,
  );
}

/** A refused creation form, shown back with what was typed. */
export interface CreateEventForm {
  values: { slug: string; titleFr: string; titleEn: string; startsAt: string; endsAt: string; timeZone: string };
  problem?: ProblemDocument;
}

const CREATE_IDS = {
  slug: 'new-event-slug',
  titleFr: 'new-event-title-fr',
  titleEn: 'new-event-title-en',
  startsAt: 'new-event-starts',
  endsAt: 'new-event-ends',
  timeZone: 'new-event-zone',
};

/** The organization's events, drafts included: where a `program` member lands; owners and admins create events here. */
export function renderEventsPage(ctx: OrganizerContext, events: EventView[], create?: CreateEventForm): string {
  const t = translator(ctx.locale);
  const slug = ctx.organization.organizationSlug;
  const values = create?.values ?? { slug: '', titleFr: '', titleEn: '', startsAt: '', endsAt: '', timeZone: 'Africa/Bamako' };
  const problem = create?.problem;
  const field = formFields(CREATE_IDS, values, problem);
  return renderPage(
    <AdminLayout ctx={ctx} title={t('Événements', 'Events')} section="events">
      <h1>{t('Événements et programme', 'Events and programme')}</h1>
      <DataTable
        empty={t("Aucun événement pour l'instant.", 'No event yet.')}
        caption={t("Les événements de l'organisation", 'The organization’s events')}
        rows={events}
        columns={[
          { header: t('Événement', 'Event'), cell: (e) => <a href={`/admin/o/${slug}/events/${e.slug}`}>{pick(e.title, ctx.locale)}</a> },
          { header: t('Dates', 'Dates'), cell: (e) => formatDateRange(e.startsAt, e.endsAt, e.timeZone, ctx.locale) },
          { header: t('Statut', 'Status'), cell: (e) => pick(STATUS_LABELS[e.status], ctx.locale) },
          {
            header: t('Pages', 'Pages'),
            cell: (e) => (
              <a href={`/admin/o/${slug}/events/${e.slug}/program`}>
                {t('Programme', 'Programme')}
                <span class="visually-hidden"> — {pick(e.title, ctx.locale)}</span>
              </a>
            ),
          },
        ]}
      />
      {can(ctx.organization.role, 'event:write') ? (
        <Panel
          id="new-event"
          title={t('Créer un événement', 'Create an event')}
          intro={t("Il reste en brouillon, invisible du public, jusqu'à sa publication.", 'It stays a draft, hidden from the public, until you publish it.')}
        >
          <ErrorSummary locale={ctx.locale} problem={problem} ids={CREATE_IDS} />
          <form method="post" action={`/admin/o/${slug}/events`} novalidate>
            <Csrf token={ctx.csrf} />
            <TextField {...field('titleFr')} label={t('Titre (français)', 'Title (French)')} required />
            <TextField {...field('titleEn')} label={t('Titre (anglais, facultatif)', 'Title (English, optional)')} />
            <TextField
              {...field('slug')}
              label={t('Adresse courte', 'Short address')}
              hint={t('Minuscules, chiffres et tirets : /e/job-cluster-2026', 'Lowercase letters, digits and dashes: /e/job-cluster-2026')}
              autocomplete="off"
              required
            />
            <TextField {...field('timeZone')} label={t('Fuseau horaire', 'Time zone')} required />
            <TextField {...field('startsAt')} type="datetime-local" label={t('Début', 'Starts')} required />
            <TextField {...field('endsAt')} type="datetime-local" label={t('Fin', 'Ends')} required />
            <button type="submit">{t("Créer l'événement", 'Create the event')}</button>
          </form>
        </Panel>
      ) : null}
    </AdminLayout>,
  );
}

const STATUS_LABELS = {
  draft: { fr: 'Brouillon', en: 'Draft' },
  published: { fr: 'Publié', en: 'Published' },
  archived: { fr: 'Archivé', en: 'Archived' },
} as const;
