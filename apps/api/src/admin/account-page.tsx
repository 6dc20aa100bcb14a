import { Localized, pick, ProblemDocument, renderPage, translator } from '@palabre/platform';
import type { ApiTokenView } from '@palabre/identity';
import { AdminContext } from './admin-context';
import { AdminLayout } from './admin-layout';
import { formatMoment } from './format';
import { Csrf, ErrorSummary, formFields, Notice, PostButton, TextField, Panel } from './forms';
import { DataTable } from './tables';

export type AccountNotice = 'password-changed' | 'token-revoked';

/** The page's longer texts, French then English. */
const TEXT = {
  passwordChanged: {
    fr: 'Mot de passe enregistré. Vos autres sessions et vos jetons d’API ont été fermés.',
    en: 'Password saved. Your other sessions and your API tokens have been closed.',
  },
  passwordIntro: {
    fr: 'Au moins 10 caractères ; une phrase de plusieurs mots convient très bien. Toutes vos autres sessions et vos jetons d’API seront fermés.',
    en: 'At least 10 characters; a phrase of several words is fine. All your other sessions and your API tokens will be closed.',
  },
} satisfies Record<string, Localized>;

export interface AccountPageProps {
  hasPassword: boolean;
  tokens: ApiTokenView[];
  sessions: number;
  notice?: AccountNotice;
  passwordProblem?: ProblemDocument;
}

const PASSWORD_IDS = { currentPassword: 'current-password', newPassword: 'new-password' };

export function renderAccountPage(ctx: AdminContext, props: AccountPageProps): string {
  const t = translator(ctx.locale);
  const notices: Record<AccountNotice, string> = {
    'password-changed': pick(TEXT.passwordChanged, ctx.locale),
    'token-revoked': t('Jeton révoqué.', 'Token revoked.'),
  };
  const p = props.passwordProblem;
  const field = formFields(PASSWORD_IDS, {}, p);
  return renderPage(
    <AdminLayout ctx={ctx} title={t('Mon compte', 'My account')} section="account">
      <h1>{t('Mon compte', 'My account')}</h1>
      <p>
        {ctx.actor.name ? <>{ctx.actor.name} · </> : null}
        {ctx.actor.email}
      </p>
      <Notice text={props.notice ? notices[props.notice] : undefined} />

      <Panel
        id="password"
        title={props.hasPassword ? t('Changer de mot de passe', 'Change password') : t('Définir un mot de passe', 'Set a password')}
        intro={pick(TEXT.passwordIntro, ctx.locale)}
      >
        <ErrorSummary locale={ctx.locale} problem={p} ids={PASSWORD_IDS} />
        <form method="post" action="/admin/account/password" novalidate>
          <Csrf token={ctx.csrf} />
          <input type="text" name="username" value={ctx.actor.email} autocomplete="username" hidden />
          {props.hasPassword ? (
            <TextField
              {...field('currentPassword')}
              type="password"
              label={t('Mot de passe actuel', 'Current password')}
              autocomplete="current-password"
              required
            />
          ) : null}
          <TextField {...field('newPassword')} type="password" label={t('Nouveau mot de passe', 'New password')} autocomplete="new-password" required />
          <button type="submit">{t('Enregistrer le mot de passe', 'Save the password')}</button>
        </form>
      </Panel>

      <Panel id="tokens" title={t("Jetons d'API", 'API tokens')}>
        {props.tokens.length === 0 ? (
          <p class="muted">
            {t("Aucun jeton actif. Un jeton s'obtient par POST /api/v1/auth/token.", 'No active token. Get one with POST /api/v1/auth/token.')}
          </p>
        ) : (
          <DataTable
            rows={props.tokens}
            columns={[
              { header: t('Nom', 'Label'), cell: (tok) => tok.label || '—' },
              { header: t('Créé le', 'Created'), cell: (tok) => formatMoment(tok.createdAt, ctx.locale) },
              { header: t('Dernier usage', 'Last used'), cell: (tok) => (tok.lastUsedAt ? formatMoment(tok.lastUsedAt, ctx.locale) : t('jamais', 'never')) },
              { header: t('Expire le', 'Expires'), cell: (tok) => formatMoment(tok.expiresAt, ctx.locale) },
              {
                header: t('Action', 'Action'),
                labelled: false,
                cell: (tok) => (
                  <PostButton action={`/admin/account/tokens/${tok.id}/revoke`} csrf={ctx.csrf} kind="danger">
                    {t('Révoquer', 'Revoke')}
                    <span class="visually-hidden">
                      {' '}
                      {t(`le jeton créé le ${formatMoment(tok.createdAt, ctx.locale)}`, `the token created ${formatMoment(tok.createdAt, ctx.locale)}`)}
                    </span>
                  </PostButton>
                ),
              },
            ]}
          />
        )}
      </Panel>

      <Panel id="sessions" title={t('Sessions', 'Sessions')}>
        <p>{t(`Sessions ouvertes : ${props.sessions}.`, `Open sessions: ${props.sessions}.`)}</p>
        <PostButton action="/admin/account/sign-out-everywhere" csrf={ctx.csrf} kind="secondary" inline={false}>
          {t('Se déconnecter partout', 'Sign out everywhere')}
        </PostButton>
      </Panel>
    </AdminLayout>,
  );
}
