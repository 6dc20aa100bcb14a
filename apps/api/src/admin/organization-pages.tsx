import type { EventView } from '@palabre/events';
import { ActorMembership, pick, renderPage } from '@palabre/platform';
import { formatDateRange } from '../home/format';
import { AdminContext, translator } from './admin-context';
import { AdminLayout, adminNav } from './admin-layout';
import { roleLabel } from './roles';

/** `/admin` for someone in no organization, or in several. */
export function renderOrganizationChooser(ctx: AdminContext): string {
  const t = translator(ctx.locale);
  const list = ctx.actor.memberships;
  return renderPage(
    <AdminLayout ctx={ctx} title={t('Vos organisations', 'Your organizations')}>
      <h1>{t('Vos organisations', 'Your organizations')}</h1>
      {list.length === 0 ? (
        <p>
          {t(
            "Vous n'êtes membre d'aucune organisation. Une organisation peut vous inviter depuis sa page Membres.",
            'You are not a member of any organization. An organization can invite you from its Members page.',
          )}{' '}
          <a href="/admin/account">{t('Mon compte', 'My account')}</a>
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
  mail?: Record<'queued' | 'sending' | 'sent' | 'failed', number>;
}

/** The organization's dashboard: its sections, and the figures later features (statistics, registrations) add. */
export function renderDashboard(ctx: AdminContext & { organization: ActorMembership }, figures: DashboardFigures = {}): string {
  const t = translator(ctx.locale);
  const sections = adminNav(ctx.organization).slice(1);
  const mailLog = `/admin/o/${ctx.organization.organizationSlug}/mail`;
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
      {figures.mail ? (
        <section aria-labelledby="dashboard-mail">
          <h2 id="dashboard-mail">{t('Courriels', 'Mail')}</h2>
          <ul class="counts">
            <li>
              <a href={`${mailLog}?status=sent`}>{t(`Envoyés : ${figures.mail.sent}`, `Sent: ${figures.mail.sent}`)}</a>
            </li>
            <li>
              <a href={`${mailLog}?status=queued`}>{t(`En attente : ${figures.mail.queued + figures.mail.sending}`, `Waiting: ${figures.mail.queued + figures.mail.sending}`)}</a>
            </li>
            <li>
              <a href={`${mailLog}?status=failed`}>
                {figures.mail.failed > 0 ? <strong>{t(`En échec : ${figures.mail.failed}`, `Failed: ${figures.mail.failed}`)}</strong> : t('En échec : 0', 'Failed: 0')}
              </a>
            </li>
          </ul>
        </section>
      ) : null}
    </AdminLayout>,
  );
}

const STATUS_LABELS = {
  draft: { fr: 'Brouillon', en: 'Draft' },
  published: { fr: 'Publié', en: 'Published' },
  archived: { fr: 'Archivé', en: 'Archived' },
} as const;

/** The organization's events, drafts included: where a `program` member lands. */
export function renderEventsPage(ctx: AdminContext & { organization: ActorMembership }, events: EventView[]): string {
  const t = translator(ctx.locale);
  return renderPage(
    <AdminLayout ctx={ctx} title={t('Événements', 'Events')} section="events">
      <h1>{t('Événements et programme', 'Events and programme')}</h1>
      {events.length === 0 ? (
        <p class="muted">{t("Aucun événement pour l'instant.", 'No event yet.')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t("Les événements de l'organisation", 'The organization’s events')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Événement', 'Event')}</th>
                <th scope="col">{t('Dates', 'Dates')}</th>
                <th scope="col">{t('Statut', 'Status')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr>
                  <td>{pick(e.title, ctx.locale)}</td>
                  <td>{formatDateRange(e.startsAt, e.endsAt, e.timeZone, ctx.locale)}</td>
                  <td>{pick(STATUS_LABELS[e.status], ctx.locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>,
  );
}
