import { Layout, Locale, Localized, pick, ProblemDocument, renderPage, Role, translator } from '@palabre/platform';
import { Csrf, ErrorSummary, formFields, Notice, TextField, Panel, Submit } from './forms';
import { roleLabel } from './roles';

/** The page's longer texts, French then English. */
const TEXT = {
  linkSent: {
    fr: 'Si un compte existe pour cette adresse, un lien de connexion vient d’y être envoyé. Il est valable 15 minutes et ne sert qu’une fois.',
    en: 'If an account exists for this address, a sign-in link has just been sent to it. It is valid for 15 minutes and works once.',
  },
  linkIntro: {
    fr: 'Sans mot de passe : nous envoyons un lien à votre adresse, valable 15 minutes. Intervenants et membres invités, c’est par ici.',
    en: 'No password needed: we email you a link, valid for 15 minutes. Speakers and invited members, this way.',
  },
} satisfies Record<string, Localized>;

export interface AnonymousPage {
  locale: Locale;
  path: string;
  /** The double-submit token of forms shown before sign-in. */
  csrf: string;
}

export interface SignInPageProps extends AnonymousPage {
  email?: string;
  next?: string;
  notice?: 'link-sent' | 'signed-out';
  /** Which form the problem belongs to. */
  problem?: { form: 'password' | 'link'; document: ProblemDocument };
}

const PASSWORD_IDS = { email: 'email', password: 'password' };
const LINK_IDS = { email: 'link-email' };

export function renderSignInPage(props: SignInPageProps): string {
  const t = translator(props.locale);
  const passwordProblem = props.problem?.form === 'password' ? props.problem.document : undefined;
  const linkProblem = props.problem?.form === 'link' ? props.problem.document : undefined;
  const passwordField = formFields(PASSWORD_IDS, { email: props.email }, passwordProblem);
  const linkField = formFields(LINK_IDS, {}, linkProblem);
  const notices = {
    'link-sent': pick(TEXT.linkSent, props.locale),
    'signed-out': t('Vous êtes déconnecté·e.', 'You are signed out.'),
  };
  return renderPage(
    <Layout
      locale={props.locale}
      path={props.path}
      title={t('Connexion — Palabre', 'Sign in — Palabre')}
      brand={{ href: '/admin', label: t('Palabre — organisateurs', 'Palabre — organizers') }}
    >
      <h1>{t("Connexion à l'espace organisateurs", 'Sign in to the organizers’ area')}</h1>
      <Notice text={props.notice ? notices[props.notice] : undefined} />
      <Panel id="password" title={t('Avec votre mot de passe', 'With your password')}>
        <ErrorSummary locale={props.locale} problem={passwordProblem} ids={PASSWORD_IDS} />
        <form method="post" action="/admin/sign-in" novalidate>
          <Csrf token={props.csrf} />
          {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
          <TextField {...passwordField('email')} type="email" label={t('Adresse e-mail', 'Email address')} autocomplete="username" required />
          <TextField {...passwordField('password')} type="password" label={t('Mot de passe', 'Password')} autocomplete="current-password" required />
          <button type="submit">{t('Se connecter', 'Sign in')}</button>
        </form>
      </Panel>
      <Panel id="link" title={t('Recevoir un lien de connexion', 'Receive a sign-in link')} intro={pick(TEXT.linkIntro, props.locale)}>
        <ErrorSummary locale={props.locale} problem={linkProblem} ids={LINK_IDS} />
        <form method="post" action="/admin/sign-in/link" novalidate>
          <Csrf token={props.csrf} />
          <TextField {...linkField('email')} type="email" label={t('Adresse e-mail', 'Email address')} autocomplete="email" required />
          <Submit kind="secondary">{t('Recevoir un lien', 'Send me a link')}</Submit>
        </form>
      </Panel>
    </Layout>,
  );
}

export interface LinkPageProps extends AnonymousPage {
  token: string;
  usable: boolean;
}

/** A click is asked before the link is used, since mail scanners open the links they see. */
export function renderLinkPage(props: LinkPageProps): string {
  const t = translator(props.locale);
  return renderPage(
    <Layout locale={props.locale} path={props.path} title={t('Connexion — Palabre', 'Sign in — Palabre')}>
      <h1>{t('Connexion', 'Sign in')}</h1>
      {props.usable ? (
        <form method="post" action="/auth/link">
          <Csrf token={props.csrf} />
          <input type="hidden" name="token" value={props.token} />
          <p>{t('Votre lien est valable. Confirmez pour ouvrir votre session.', 'Your link is valid. Confirm to sign in.')}</p>
          <button type="submit">{t('Me connecter', 'Sign me in')}</button>
        </form>
      ) : (
        <ExpiredLink locale={props.locale} />
      )}
    </Layout>,
  );
}

function ExpiredLink(props: { locale: Locale }) {
  const t = translator(props.locale);
  return (
    <div class="error" role="alert">
      <h2>{t('Lien expiré ou déjà utilisé', 'Link expired or already used')}</h2>
      <p>
        {t('Un lien de connexion sert une fois, pendant 15 minutes.', 'A sign-in link works once, for 15 minutes.')}{' '}
        <a href="/admin/sign-in">{t('Demander un nouveau lien', 'Ask for a new link')}</a>
      </p>
    </div>
  );
}

export interface InvitationPageProps extends AnonymousPage {
  token: string;
  invitation: { organizationName: string; email: string; role: Role } | null;
}

export function renderInvitationPage(props: InvitationPageProps): string {
  const t = translator(props.locale);
  const i = props.invitation;
  return renderPage(
    <Layout locale={props.locale} path={props.path} title={t('Invitation — Palabre', 'Invitation — Palabre')}>
      {i ? (
        <>
          <h1>{t(`Rejoindre ${i.organizationName}`, `Join ${i.organizationName}`)}</h1>
          <p>
            {t('Vous êtes invité·e à rejoindre l’équipe avec le rôle', 'You are invited to join the team with the role')}{' '}
            <strong>{roleLabel(i.role, props.locale)}</strong> {t('(adresse', '(address')} {i.email}).
          </p>
          <form method="post" action="/admin/invitation">
            <Csrf token={props.csrf} />
            <input type="hidden" name="token" value={props.token} />
            <button type="submit">{t("Accepter l'invitation", 'Accept the invitation')}</button>
          </form>
        </>
      ) : (
        <>
          <h1>{t('Invitation', 'Invitation')}</h1>
          <div class="error" role="alert">
            <h2>{t('Invitation expirée ou déjà utilisée', 'Invitation expired or already used')}</h2>
            <p>
              {t("Demandez à l'organisation de vous inviter à nouveau, ou", 'Ask the organization to invite you again, or')}{' '}
              <a href="/admin/sign-in">{t('connectez-vous', 'sign in')}</a>
              {t(' si vous êtes déjà membre.', ' if you are already a member.')}
            </p>
          </div>
        </>
      )}
    </Layout>,
  );
}
