import { AuditPage, isRole, Locale, pick, renderPage, translator } from '@palabre/platform';
import type { UserView } from '@palabre/identity';
import { AdminLayout } from './admin-layout';
import { DataTable } from './tables';
import { formatMoment } from './format';
import { roleLabel } from './roles';
import { OrganizerContext } from '../common/organizer-organization';

/** Readable names of the actions; a context that records a new one adds it here (unknown ones show their code). */
const ACTION_LABELS: Record<string, { fr: string; en: string }> = {
  'member.invited': { fr: 'Invitation envoyée', en: 'Invitation sent' },
  'member.joined': { fr: 'Arrivée d’un membre', en: 'Member joined' },
  'member.role_changed': { fr: 'Rôle modifié', en: 'Role changed' },
  'member.removed': { fr: 'Membre retiré·e', en: 'Member removed' },
  'invitation.revoked': { fr: 'Invitation annulée', en: 'Invitation revoked' },
  'speaker.invited': { fr: 'Intervenant·e invité·e', en: 'Speaker invited' },
};

function show(field: string, value: unknown, locale: Locale): string {
  if (field === 'role' && isRole(value)) return roleLabel(value, locale);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}

/** `role : Lecture seule → Programme`, `email : awa@…` — what changed, one line per field. */
export function describeChanges(changes: Record<string, unknown>, locale: Locale): string[] {
  return Object.entries(changes).map(([field, value]) => {
    if (value && typeof value === 'object' && 'from' in value && 'to' in value) {
      const { from, to } = value;
      return `${field} : ${show(field, from, locale)} → ${show(field, to, locale)}`;
    }
    return `${field} : ${show(field, value, locale)}`;
  });
}

export function renderAuditPage(ctx: OrganizerContext, page: AuditPage, actors: Map<string, UserView>): string {
  const t = translator(ctx.locale);
  const base = `/admin/o/${ctx.organization.organizationSlug}/audit`;
  const lastPage = Math.max(1, Math.ceil(page.total / page.pageSize));
  const actorName = (userId: string | null) => {
    const actor = userId ? actors.get(userId) : undefined;
    return actor ? actor.name || actor.email : userId ? t('(compte supprimé)', '(deleted account)') : t('(système)', '(system)');
  };
  return renderPage(
    <AdminLayout ctx={ctx} title={t('Journal', 'Audit log')} section="audit">
      <h1>{t('Journal des modifications', 'Audit log')}</h1>
      <DataTable
        empty={t('Aucune modification enregistrée.', 'No change recorded.')}
        caption={t('Qui a fait quoi, et quand — les plus récentes en premier', 'Who did what, and when — newest first')}
        rows={page.items}
        columns={[
          { header: t('Date', 'Date'), cell: (e) => <time datetime={e.at.toISOString()}>{formatMoment(e.at, ctx.locale)}</time> },
          { header: t('Par', 'By'), cell: (e) => actorName(e.actorUserId) },
          { header: t('Action', 'Action'), cell: (e) => (ACTION_LABELS[e.action] ? pick(ACTION_LABELS[e.action], ctx.locale) : e.action) },
          { header: t('Détails', 'Details'), cell: (e) => describeChanges(e.changes, ctx.locale).map((line) => <div>{line}</div>) },
        ]}
      />
      {lastPage > 1 ? (
        <nav aria-label={t('Pages du journal', 'Audit log pages')} class="actions">
          {page.page > 1 ? <a href={`${base}?page=${page.page - 1}`}>{t('← Plus récentes', '← Newer')}</a> : null}
          <span>{t(`Page ${page.page} sur ${lastPage}`, `Page ${page.page} of ${lastPage}`)}</span>
          {page.page < lastPage ? <a href={`${base}?page=${page.page + 1}`}>{t('Plus anciennes →', 'Older →')}</a> : null}
        </nav>
      ) : null}
    </AdminLayout>,
  );
}
