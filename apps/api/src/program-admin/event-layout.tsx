import type { ComponentChildren } from 'preact';
import type { EventStatus, EventView } from '@palabre/events';
import { ActorMembership, can, Localized, Permission, pick, translator } from '@palabre/platform';
import { AdminLayout } from '../admin/admin-layout';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';

export type EventTab = 'settings' | 'rooms' | 'tracks' | 'speakers' | 'program' | 'releases' | 'partners' | 'registrations' | 'stats' | 'desk';

/** The event's pages, in the order an organizer builds a forum; a tab with a permission shows only to roles that hold it. */
export const EVENT_TABS: { tab: EventTab; label: Localized; path: string; permission?: Permission }[] = [
  { tab: 'settings', label: { fr: 'Réglages', en: 'Settings' }, path: '' },
  { tab: 'rooms', label: { fr: 'Salles', en: 'Rooms' }, path: '/rooms' },
  { tab: 'tracks', label: { fr: 'Parcours', en: 'Tracks' }, path: '/tracks' },
  { tab: 'speakers', label: { fr: 'Intervenants', en: 'Speakers' }, path: '/speakers' },
  { tab: 'program', label: { fr: 'Programme', en: 'Programme' }, path: '/program' },
  { tab: 'releases', label: { fr: 'Publication', en: 'Releases' }, path: '/releases' },
  { tab: 'partners', label: { fr: 'Partenaires', en: 'Partners' }, path: '/partners' },
  // Participants' personal data: not for the program role.
  { tab: 'registrations', label: { fr: 'Inscriptions', en: 'Registrations' }, path: '/registrations', permission: 'registrations:read' },
  { tab: 'stats', label: { fr: 'Chiffres', en: 'Figures' }, path: '/stats', permission: 'stats:read' },
  { tab: 'desk', label: { fr: 'Accueil', en: 'Desk' }, path: '/accueil', permission: 'checkin:write' },
];

export const EVENT_STATUS_LABELS: Record<EventStatus, Localized> = {
  draft: { fr: 'Brouillon', en: 'Draft' },
  published: { fr: 'Publié', en: 'Published' },
  archived: { fr: 'Archivé', en: 'Archived' },
};

/** Whether the page offers its forms: the routes check the permission again. */
export function may(ctx: { organization: ActorMembership; event: EventView }, permission: Permission): boolean {
  return ctx.event.status !== 'archived' && can(ctx.organization.role, permission);
}

/** The back-office shell with the event's name, status and sub-navigation. */
export function EventLayout(props: { ctx: OrganizerEventContext; tab: EventTab; title: string; children: ComponentChildren; scripts?: string[] }) {
  const { ctx } = props;
  const t = translator(ctx.locale);
  const title = pick(ctx.event.title, ctx.locale);
  return (
    <AdminLayout ctx={ctx} title={`${props.title} — ${title}`} section="events" scripts={props.scripts}>
      <p class="pe-crumbs">
        <a href={`/admin/o/${ctx.organization.organizationSlug}/events`}>{t('Événements', 'Events')}</a>
        <span aria-hidden="true"> › </span>
        <span>{title}</span> <span class={`tag pe-status-${ctx.event.status}`}>{pick(EVENT_STATUS_LABELS[ctx.event.status], ctx.locale)}</span>
      </p>
      <nav class="pe-tabs" aria-label={t("Pages de l'événement", 'Event pages')}>
        <ul>
          {EVENT_TABS.filter((tab) => !tab.permission || can(ctx.organization.role, tab.permission)).map((tab) => (
            <li>
              <a href={eventPath(ctx, tab.path)} aria-current={tab.tab === props.tab ? 'page' : undefined}>
                {pick(tab.label, ctx.locale)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {ctx.event.status === 'archived' ? (
        <p class="notice">{t('Cet événement est archivé : il ne change plus.', 'This event is archived: it no longer changes.')}</p>
      ) : null}
      {props.children}
    </AdminLayout>
  );
}
