import type { ComponentChildren } from 'preact';
import { Layout, NavLink, translator } from '@palabre/platform';
import { AdminContext } from '../admin/admin-context';
import { SignedIn } from '../admin/admin-layout';

export type PortalSection = 'home' | 'profile' | 'sessions';

/** `?evenement=` for a speaker of several events, so every link stays on the chosen one. */
export function portalPath(path: string, eventSlug?: string): string {
  return eventSlug ? `${path}?evenement=${encodeURIComponent(eventSlug)}` : path;
}

export function portalNav(eventSlug: string | undefined, current?: PortalSection): NavLink[] {
  return [
    { href: portalPath('/intervenant', eventSlug), label: { fr: 'Accueil', en: 'Home' }, current: current === 'home' },
    { href: portalPath('/intervenant/profil', eventSlug), label: { fr: 'Mon profil', en: 'My profile' }, current: current === 'profile' },
    // Built with the answers to each session; lists the speaker's sessions of every event.
    { href: '/intervenant/sessions', label: { fr: 'Mes sessions', en: 'My sessions' }, current: current === 'sessions' },
  ];
}

/**
 * The speakers' space: their own navigation, the switch to the organizers' space for someone
 * who is both, their account and sign-out. `eventSlug` is set when the speaker chose one of
 * several events.
 */
export function PortalLayout(props: { ctx: AdminContext; title: string; section?: PortalSection; eventSlug?: string; children: ComponentChildren }) {
  const { ctx } = props;
  const t = translator(ctx.locale);
  return (
    <Layout
      locale={ctx.locale}
      path={ctx.path}
      title={`${props.title} — ${t('Espace intervenant', 'Speaker space')}`}
      brand={{ href: '/intervenant', label: t('Palabre — intervenants', 'Palabre — speakers') }}
      nav={portalNav(props.eventSlug, props.section)}
      aside={
        <>
          {ctx.actor.memberships.length > 0 ? <a href="/admin">{t('Espace organisateur', 'Organizer space')}</a> : null}
          <SignedIn ctx={ctx} />
        </>
      }
    >
      {props.children}
    </Layout>
  );
}
