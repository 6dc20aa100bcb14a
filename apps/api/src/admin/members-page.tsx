import { can, Localized, pick, ProblemDocument, renderPage, ROLES, translator } from '@palabre/platform';
import type { InvitationView, MemberView } from '@palabre/identity';
import { AdminLayout } from './admin-layout';
import { DataTable } from './tables';
import { formatMoment } from './format';
import { Csrf, ErrorSummary, formFields, Notice, PostButton, SelectField, TextField, Panel, Submit } from './forms';
import { roleLabel, roleOptions } from './roles';
import { OrganizerContext } from '../common/organizer-organization';

/** The page's longer texts, French then English. */
const TEXT = {
  inviteIntro: {
    fr: "La personne reçoit un lien valable 7 jours, qui la connecte et l'ajoute à l'organisation.",
    en: 'They receive a link, valid for 7 days, that signs them in and adds them to the organization.',
  },
} satisfies Record<string, Localized>;

export type MembersNotice = 'invited' | 'role-changed' | 'removed' | 'revoked';

export interface MembersPageProps {
  members: MemberView[];
  invitations: InvitationView[];
  notice?: MembersNotice;
  /** A refused invitation: shown in its form, with what was typed. */
  invite?: { problem: ProblemDocument; values: Record<string, string | undefined> };
  /** A refused change to a member (e.g. the last owner): shown at the top. */
  problem?: ProblemDocument;
}

const INVITE_IDS = { email: 'invite-email', role: 'invite-role', name: 'invite-name' };

export function renderMembersPage(ctx: OrganizerContext, props: MembersPageProps): string {
  const t = translator(ctx.locale);
  const slug = ctx.organization.organizationSlug;
  const mayChangeRoles = can(ctx.organization.role, 'members:roles');
  const invitableRoles = ROLES.filter((r) => r !== 'owner' || mayChangeRoles);
  const notices: Record<MembersNotice, string> = {
    invited: t('Invitation envoyée.', 'Invitation sent.'),
    'role-changed': t('Rôle modifié.', 'Role changed.'),
    removed: t('Membre retiré·e.', 'Member removed.'),
    revoked: t('Invitation annulée.', 'Invitation revoked.'),
  };
  const inviteProblem = props.invite?.problem;
  const inviteField = formFields(INVITE_IDS, props.invite?.values ?? {}, inviteProblem);
  return renderPage(
    <AdminLayout ctx={ctx} title={t('Membres', 'Members')} section="members">
      <h1>{t('Membres', 'Members')}</h1>
      <Notice text={props.notice ? notices[props.notice] : undefined} />
      <ErrorSummary locale={ctx.locale} problem={props.problem} />
      <DataTable
        caption={t("Les membres de l'organisation et leur rôle", 'The organization’s members and their roles')}
        rows={props.members}
        columns={[
          { header: t('Nom', 'Name'), cell: (m) => m.name || m.email },
          { header: t('Adresse e-mail', 'Email address'), cell: (m) => m.email },
          { header: t('Rôle', 'Role'), cell: (m) => roleLabel(m.role, ctx.locale) },
          mayChangeRoles
            ? {
                header: t('Actions', 'Actions'),
                labelled: false,
                cell: (m) => (
                  <>
                    <form method="post" action={`/admin/o/${slug}/members/${m.id}/role`} class="actions">
                      <Csrf token={ctx.csrf} />
                      <label class="visually-hidden" for={`role-${m.id}`}>
                        {t(`Rôle de ${m.name || m.email}`, `Role of ${m.name || m.email}`)}
                      </label>
                      <select id={`role-${m.id}`} name="role">
                        {ROLES.map((r) => (
                          <option value={r} selected={r === m.role}>
                            {roleLabel(r, ctx.locale)}
                          </option>
                        ))}
                      </select>
                      <Submit kind="secondary">
                        {t('Changer', 'Change')}
                        <span class="visually-hidden"> {t(`le rôle de ${m.name || m.email}`, `the role of ${m.name || m.email}`)}</span>
                      </Submit>
                    </form>{' '}
                    <PostButton action={`/admin/o/${slug}/members/${m.id}/remove`} csrf={ctx.csrf} kind="danger">
                      {t('Retirer', 'Remove')}
                      <span class="visually-hidden"> {m.name || m.email}</span>
                    </PostButton>
                  </>
                ),
              }
            : null,
        ]}
      />

      <Panel id="invite" title={t('Inviter un membre', 'Invite a member')} intro={pick(TEXT.inviteIntro, ctx.locale)}>
        <ErrorSummary locale={ctx.locale} problem={inviteProblem} ids={INVITE_IDS} />
        <form method="post" action={`/admin/o/${slug}/members`} novalidate>
          <Csrf token={ctx.csrf} />
          <TextField {...inviteField('email')} type="email" label={t('Adresse e-mail', 'Email address')} autocomplete="off" required />
          <TextField {...inviteField('name')} label={t('Nom (facultatif)', 'Name (optional)')} autocomplete="off" />
          <SelectField
            {...inviteField('role')}
            label={t('Rôle', 'Role')}
            value={props.invite?.values.role ?? 'program'}
            options={roleOptions(ctx.locale, invitableRoles)}
            required
          />
          <button type="submit">{t("Envoyer l'invitation", 'Send the invitation')}</button>
        </form>
      </Panel>

      <Panel id="invitations" title={t('Invitations en attente', 'Pending invitations')}>
        <DataTable
          empty={t('Aucune invitation en attente.', 'No pending invitation.')}
          rows={props.invitations}
          columns={[
            { header: t('Adresse e-mail', 'Email address'), cell: (i) => i.email },
            { header: t('Rôle', 'Role'), cell: (i) => roleLabel(i.role, ctx.locale) },
            { header: t('Expire le', 'Expires'), cell: (i) => formatMoment(i.expiresAt, ctx.locale) },
            {
              header: t('Action', 'Action'),
              labelled: false,
              cell: (i) => (
                <PostButton action={`/admin/o/${slug}/invitations/${i.id}/revoke`} csrf={ctx.csrf} kind="secondary">
                  {t('Annuler', 'Revoke')}
                  <span class="visually-hidden"> {t(`l'invitation de ${i.email}`, `the invitation of ${i.email}`)}</span>
                </PostButton>
              ),
            },
          ]}
        />
      </Panel>
    </AdminLayout>,
  );
}
