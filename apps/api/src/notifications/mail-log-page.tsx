import type { ComponentChildren } from 'preact';
import { dateFormat, Locale, Localized, pick, renderPage, translate, translator } from '@palabre/platform';
import type { MailLogEntry, MailLogPage, OutboxStatus, SmsLogEntry, SmsLogPage, SmsTemplateName, TemplateName } from '@palabre/notifications';
import { AdminLayout, AdminSection } from '../admin/admin-layout';
import { Notice, PostButton } from '../admin/forms';
import { OrganizerContext } from '../common/organizer-organization';

/** The page's longer texts, French then English. */
const TEXT = {
  budgetToday: { fr: 'Aujourd’hui (UTC) : {used} segment(s) sur {limit} permis.', en: 'Today (UTC): {used} of {limit} segment(s) allowed.' },
} satisfies Record<string, Localized>;

const STATUS_LABELS: Record<OutboxStatus, { fr: string; en: string }> = {
  queued: { fr: 'En attente', en: 'Queued' },
  sending: { fr: 'En cours', en: 'Sending' },
  sent: { fr: 'Envoyé', en: 'Sent' },
  failed: { fr: 'En échec', en: 'Failed' },
};

const TEMPLATE_LABELS: Record<TemplateName | SmsTemplateName, { fr: string; en: string }> = {
  'sms.code': { fr: 'Code de confirmation', en: 'Confirmation code' },
  'sms.confirmed': { fr: 'Billet (inscription confirmée)', en: 'Ticket (registration confirmed)' },
  'sms.promoted': { fr: 'Billet (sortie de liste d’attente)', en: 'Ticket (off the waiting list)' },
  'sms.waitlisted': { fr: "Liste d'attente", en: 'Waiting list' },
  'sms.hold-expired': { fr: 'Réservation expirée', en: 'Hold expired' },
  'sms.cancelled': { fr: 'Inscription annulée', en: 'Registration cancelled' },
  'sms.reminder': { fr: 'Rappel la veille', en: 'Day-before reminder' },
  'sms.program-change': { fr: 'Changement de programme', en: 'Program change' },
  'auth.magic-link': { fr: 'Lien de connexion', en: 'Sign-in link' },
  'member.invitation': { fr: "Invitation dans l'équipe", en: 'Team invitation' },
  'partner.invitation': { fr: 'Invitation partenaire', en: 'Partner invitation' },
  'speaker.invitation': { fr: 'Invitation intervenant', en: 'Speaker invitation' },
  'speaker.reminder': { fr: 'Rappel intervenant', en: 'Speaker reminder' },
  'speaker.answers': { fr: 'Réponses des intervenants', en: "Speakers' answers" },
  'program.change': { fr: 'Changement de programme', en: 'Program change' },
  'registration.check-email': { fr: 'Inscription à confirmer', en: 'Registration to confirm' },
  'registration.confirmed': { fr: 'Inscription confirmée', en: 'Registration confirmed' },
  'registration.waitlisted': { fr: "Liste d'attente", en: 'Waiting list' },
  'registration.promoted': { fr: "Sortie de liste d'attente", en: 'Off the waiting list' },
  'registration.cancelled': { fr: 'Inscription annulée', en: 'Registration cancelled' },
  'registration.hold-expired': { fr: 'Réservation expirée', en: 'Hold expired' },
  'registration.reminder': { fr: 'Rappel', en: 'Reminder' },
  'registration.workshops': { fr: 'Ateliers', en: 'Workshops' },
};

const LOGGED_AT: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: 'medium' };

export interface MailLogPageProps {
  ctx: OrganizerContext;
  log: MailLogPage;
  filter: { status?: OutboxStatus; q?: string };
  /** Shown after a resend (redirect-after-post). */
  resent?: boolean;
}

export interface SmsLogPageProps extends Omit<MailLogPageProps, 'log'> {
  log: SmsLogPage;
}

/** A column a channel adds to the log's table. */
interface ExtraColumn<E> {
  header: string;
  cell: (entry: E) => ComponentChildren;
}

/** What differs between the mail log and the SMS log; the rest of the page is the same. */
interface LogChannel<E extends MailLogEntry> {
  section: AdminSection;
  path: string;
  title: string;
  heading: string;
  recipient: string;
  columns: ExtraColumn<E>[];
  /** Above the table: the SMS log's budget and campaigns. */
  summary?: ComponentChildren;
}

const templateLabel = (template: string, locale: Locale) => pick(TEMPLATE_LABELS[template as TemplateName] ?? { fr: template }, locale);

/** The delivery log in the back-office: counts by state, a filter, the messages, pages. */
export function renderMailLogPage(props: MailLogPageProps): string {
  const t = translator(props.ctx.locale);
  return renderLogPage(props, {
    section: 'mail',
    path: 'mail',
    title: t('Courriels', 'Mail'),
    heading: t('Courriels envoyés', 'Mail sent'),
    recipient: t('Destinataire', 'Recipient'),
    columns: [],
  });
}

const DELIVERY_LABELS: Record<string, { fr: string; en: string }> = {
  delivered: { fr: 'Remis', en: 'Delivered' },
  undelivered: { fr: 'Non remis', en: 'Not delivered' },
  pending: { fr: 'En route', en: 'On its way' },
};

/** The SMS log beside the mail log: the same table, with segments, estimated cost and delivery report, then campaigns and the day's budget. */
export function renderSmsLogPage(props: SmsLogPageProps): string {
  const { log, ctx } = props;
  const { locale } = ctx;
  const t = translator(locale);
  const money = (amount: number) => `${new Intl.NumberFormat(locale === 'en' ? 'en' : 'fr', { maximumFractionDigits: 2 }).format(amount)} ${log.currency}`;
  const budget = log.budget;
  return renderLogPage(props, {
    section: 'sms',
    path: 'sms',
    title: 'SMS',
    heading: t('SMS envoyés', 'Text messages sent'),
    recipient: t('Numéro', 'Number'),
    columns: [
      { header: t('Segments', 'Segments'), cell: (m: SmsLogEntry) => m.segments ?? '' },
      { header: t('Coût estimé', 'Estimated cost'), cell: (m: SmsLogEntry) => (m.cost === null ? '—' : money(m.cost)) },
      {
        header: t('Accusé de réception', 'Delivery report'),
        cell: (m: SmsLogEntry) => (m.deliveryStatus ? pick(DELIVERY_LABELS[m.deliveryStatus] ?? { fr: m.deliveryStatus }, locale) : ''),
      },
    ],
    summary: (
      <>
        {budget.stopped ? (
          <p class="notice" role="status">
            <strong>
              {t('Les SMS sont arrêtés pour aujourd’hui : le budget quotidien est atteint.', 'Text messages are stopped for today: the daily budget is spent.')}
            </strong>
          </p>
        ) : null}
        <p>
          {t(`Coût estimé : ${money(log.costPerSegment)} par segment.`, `Estimated cost: ${money(log.costPerSegment)} per segment.`)}{' '}
          {budget.limit === null
            ? t(`Aujourd’hui (UTC) : ${budget.used} segment(s), sans budget fixé.`, `Today (UTC): ${budget.used} segment(s), no budget set.`)
            : translate(TEXT.budgetToday, locale, { used: budget.used, limit: budget.limit })}
        </p>
        {log.campaigns.length > 0 ? (
          <div class="table-wrap">
            <table>
              <caption>{t('Par campagne (un type de message pour un événement)', 'By campaign (one kind of message for one event)')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('Message', 'Message')}</th>
                  <th scope="col">{t('Messages', 'Messages')}</th>
                  <th scope="col">{t('Segments', 'Segments')}</th>
                  <th scope="col">{t('Coût estimé', 'Estimated cost')}</th>
                </tr>
              </thead>
              <tbody>
                {log.campaigns.map((c) => (
                  <tr>
                    <td>{templateLabel(c.template, locale)}</td>
                    <td>{c.messages}</td>
                    <td>{c.segments}</td>
                    <td>{money(c.cost)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </>
    ),
  });
}

function renderLogPage<E extends MailLogEntry>(
  props: { ctx: OrganizerContext; log: Omit<MailLogPage, 'items'> & { items: E[] }; filter: MailLogPageProps['filter']; resent?: boolean },
  channel: LogChannel<E>,
): string {
  const { log, filter, ctx } = props;
  const { locale } = ctx;
  const t = translator(locale);
  const base = `/admin/o/${encodeURIComponent(ctx.organization.organizationSlug)}/${channel.path}`;
  const href = (params: { status?: string; q?: string; page?: number }) => {
    const query = new URLSearchParams();
    if (params.status) query.set('status', params.status);
    if (params.q) query.set('q', params.q);
    if (params.page && params.page > 1) query.set('page', String(params.page));
    if (locale !== 'fr') query.set('lang', locale);
    const s = query.toString();
    return s ? `${base}?${s}` : base;
  };
  const pages = Math.max(1, Math.ceil(log.total / log.pageSize));
  const when = dateFormat(locale, 'UTC', LOGGED_AT);
  const statuses = Object.keys(STATUS_LABELS) as OutboxStatus[];
  return renderPage(
    <AdminLayout ctx={ctx} title={channel.title} section={channel.section}>
      <h1>{channel.heading}</h1>
      <Notice text={props.resent ? t('Le message est de nouveau en attente d’envoi.', 'The message is queued again.') : undefined} />
      {channel.summary}
      <ul class="counts" aria-label={t('Messages par état', 'Messages by state')}>
        {statuses.map((s) => (
          <li>
            <a href={href({ status: s, q: filter.q })} aria-current={filter.status === s ? 'page' : undefined}>
              {locale === 'en' ? `${pick(STATUS_LABELS[s], locale)}: ${log.counts[s]}` : `${pick(STATUS_LABELS[s], locale)} : ${log.counts[s]}`}
            </a>
          </li>
        ))}
      </ul>
      <form method="get" action={base} class="filters">
        {locale !== 'fr' ? <input type="hidden" name="lang" value={locale} /> : null}
        <div class="field">
          <label for="mail-status">{t('État', 'State')}</label>
          <select id="mail-status" name="status">
            <option value="">{t('Tous', 'All')}</option>
            {statuses.map((s) => (
              <option value={s} selected={filter.status === s}>
                {pick(STATUS_LABELS[s], locale)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="mail-q">{channel.recipient}</label>
          <input id="mail-q" name="q" type="search" value={filter.q ?? ''} maxLength={200} />
        </div>
        <button type="submit">{t('Filtrer', 'Filter')}</button>
      </form>
      {log.items.length === 0 ? (
        <p>{t('Aucun message.', 'No message.')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t(`${log.total} message(s) — page ${log.page} sur ${pages}`, `${log.total} message(s) — page ${log.page} of ${pages}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Créé (UTC)', 'Created (UTC)')}</th>
                <th scope="col">{channel.recipient}</th>
                <th scope="col">{t('Message', 'Message')}</th>
                <th scope="col">{t('Langue', 'Language')}</th>
                <th scope="col">{t('État', 'State')}</th>
                <th scope="col">{t('Tentatives', 'Attempts')}</th>
                {channel.columns.map((c) => (
                  <th scope="col">{c.header}</th>
                ))}
                <th scope="col">{t('Dernière erreur', 'Last error')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('Action', 'Action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((m) => (
                <tr>
                  <td>
                    <time datetime={m.createdAt.toISOString()}>{when.format(m.createdAt)}</time>
                  </td>
                  <td>{m.to}</td>
                  <td>{templateLabel(m.template, locale)}</td>
                  <td>{m.locale}</td>
                  <td>{pick(STATUS_LABELS[m.status], locale)}</td>
                  <td>{m.attempts}</td>
                  {channel.columns.map((c) => (
                    <td>{c.cell(m)}</td>
                  ))}
                  <td>{m.lastError ?? ''}</td>
                  <td>
                    {m.status === 'failed' ? (
                      <PostButton
                        action={`${base}/${m.id}/resend`}
                        csrf={ctx.csrf}
                        kind="secondary"
                        inline={false}
                        label={t(`Renvoyer le message à ${m.to}`, `Resend the message to ${m.to}`)}
                      >
                        {t('Renvoyer', 'Resend')}
                      </PostButton>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label={t('Pages', 'Pages')}>
          {log.page > 1 ? <a href={href({ ...filter, page: log.page - 1 })}>{t('← Précédente', '← Previous')}</a> : null}{' '}
          {log.page < pages ? <a href={href({ ...filter, page: log.page + 1 })}>{t('Suivante →', 'Next →')}</a> : null}
        </nav>
      ) : null}
    </AdminLayout>,
  );
}
