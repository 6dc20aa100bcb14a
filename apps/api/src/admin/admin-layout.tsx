import type { ComponentChildren } from 'preact';
import { Actor, ActorMembership, can, Layout, Locale, Localized, NavLink, Permission, translator } from '@palabre/platform';
import { AdminContext } from './admin-context';
import { PostButton } from './forms';

export type AdminSection = 'dashboard' | 'events' | 'partnerships' | 'members' | 'mail' | 'sms' | 'audit' | 'account';

interface AdminNavItem {
  section: AdminSection;
  label: Localized;
  path: (orgSlug: string) => string;
  /** Shown to members whose role holds one of these in the organization. */
  anyOf: Permission[];
}

/**
 * The back-office navigation of an organization. Features add their entry here; each is
 * shown only to roles that may use it (the routes check again).
 */
export const ADMIN_NAV: AdminNavItem[] = [
  { section: 'dashboard', label: { fr: 'Tableau de bord', en: 'Dashboard' }, path: (o) => `/admin/o/${o}`, anyOf: ['organization:read'] },
  {
    section: 'events',
    label: { fr: 'Événements et programme', en: 'Events and programme' },
    path: (o) => `/admin/o/${o}/events`,
    anyOf: ['program:write', 'organization:read'],
  },
  // The events the organization is a partner of (libs/partners): the partner role's area.
  { section: 'partnerships', label: { fr: 'Partenariats', en: 'Partnerships' }, path: (o) => `/admin/o/${o}/partenariats`, anyOf: ['partner:read'] },
  { section: 'members', label: { fr: 'Membres', en: 'Members' }, path: (o) => `/admin/o/${o}/members`, anyOf: ['members:manage'] },
  { section: 'mail', label: { fr: 'Courriels', en: 'Mail' }, path: (o) => `/admin/o/${o}/mail`, anyOf: ['mail:manage'] },
  { section: 'sms', label: { fr: 'SMS', en: 'SMS' }, path: (o) => `/admin/o/${o}/sms`, anyOf: ['mail:manage'] },
  { section: 'audit', label: { fr: 'Journal', en: 'Audit log' }, path: (o) => `/admin/o/${o}/audit`, anyOf: ['audit:read'] },
];

export function adminNav(organization: ActorMembership, current?: AdminSection): NavLink[] {
  return ADMIN_NAV.filter((item) => item.anyOf.some((p) => can(organization.role, p))).map((item) => ({
    href: item.path(organization.organizationSlug),
    label: item.label,
    current: item.section === current,
  }));
}

/** The back-office shell: the organization's navigation, the organization switcher and the user menu. */
export function AdminLayout(props: {
  ctx: AdminContext;
  title: string;
  section?: AdminSection;
  children: ComponentChildren;
  scripts?: string[];
  /** Extra elements of the head (the desk's web app manifest). */
  head?: ComponentChildren;
}) {
  const { ctx } = props;
  const t = translator(ctx.locale);
  const others = ctx.actor.memberships.filter((m) => m.organizationId !== ctx.organization?.organizationId);
  return (
    <Layout
      locale={ctx.locale}
      path={ctx.path}
      title={`${props.title} — ${ctx.organization?.organizationName ?? 'Palabre'}`}
      brand={{
        href: ctx.organization ? `/admin/o/${ctx.organization.organizationSlug}` : '/admin',
        label: ctx.organization?.organizationName ?? t('Palabre — organisateurs', 'Palabre — organizers'),
      }}
      nav={ctx.organization ? adminNav(ctx.organization, props.section) : []}
      scripts={props.scripts}
      head={props.head}
      aside={
        <>
          {others.length > 0 ? (
            <details class="menu">
              <summary>{ctx.organization ? t("Changer d'organisation", 'Switch organization') : t('Mes organisations', 'My organizations')}</summary>
              <ul>
                {others.map((m) => (
                  <li>
                    <a href={`/admin/o/${m.organizationSlug}`}>{m.organizationName}</a>
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
          {ctx.actor.speaker ? <a href="/intervenant">{t('Espace intervenant', 'Speaker space')}</a> : null}
          <SignedIn ctx={ctx} current={props.section === 'account'} />
        </>
      }
    >
      {props.children}
    </Layout>
  );
}

/**
 * The end of a signed-in header, in both spaces: the account (when the page knows who; `current`
 * on the account page) and sign-out.
 */
export function SignedIn(props: { ctx: { locale: Locale; csrf: string; actor?: Pick<Actor, 'name' | 'email'> }; current?: boolean }) {
  const { actor, csrf } = props.ctx;
  const t = translator(props.ctx.locale);
  return (
    <>
      {actor ? (
        <a href="/admin/account" aria-current={props.current ? 'page' : undefined}>
          {t('Mon compte', 'My account')}
          <span class="visually-hidden"> ({actor.name || actor.email})</span>
        </a>
      ) : null}
      <PostButton action="/admin/sign-out" csrf={csrf} kind="link">
        {t('Se déconnecter', 'Sign out')}
      </PostButton>
    </>
  );
}
