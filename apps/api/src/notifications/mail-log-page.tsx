import { dateFormat, pick, renderPage, translator } from '@palabre/platform';
import type { MailLogPage, OutboxStatus, TemplateName } from '@palabre/notifications';
import { AdminLayout } from '../admin/admin-layout';
import { Notice, PostButton } from '../admin/forms';
import { OrganizerContext } from '../common/organizer-organization';

const STATUS_LABELS: Record<OutboxStatus, { fr: string; en: string }> = {
  queued: { fr: 'En attente', en: 'Queued' },
  sending: { fr: 'En cours', en: 'Sending' },
  sent: { fr: 'Envoyé', en: 'Sent' },
  failed: { fr: 'En échec', en: 'Failed' },
};

const TEMPLATE_LABELS: Record<TemplateName, { fr: string; en: string }> = {
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

/** The delivery log in the back-office: counts by state, a filter, the messages, pages. */
export function renderMailLogPage(props: MailLogPageProps): string {
  const { log, filter, ctx } = props;
  const { locale } = ctx;
  const t = translator(locale);
  const base = `/admin/o/${encodeURIComponent(ctx.organization.organizationSlug)}/mail`;
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
    <AdminLayout ctx={ctx} title={t('Courriels', 'Mail')} section="mail">
      <h1>{t('Courriels envoyés', 'Mail sent')}</h1>
      <Notice text={props.resent ? t('Le message est de nouveau en attente d’envoi.', 'The message is queued again.') : undefined} />
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
          <label for="mail-q">{t('Destinataire', 'Recipient')}</label>
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
                <th scope="col">{t('Destinataire', 'Recipient')}</th>
                <th scope="col">{t('Message', 'Message')}</th>
                <th scope="col">{t('Langue', 'Language')}</th>
                <th scope="col">{t('État', 'State')}</th>
                <th scope="col">{t('Tentatives', 'Attempts')}</th>
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
                  <td>{pick(TEMPLATE_LABELS[m.template as TemplateName] ?? { fr: m.template }, locale)}</td>
                  <td>{m.locale}</td>
                  <td>{pick(STATUS_LABELS[m.status], locale)}</td>
                  <td>{m.attempts}</td>
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
