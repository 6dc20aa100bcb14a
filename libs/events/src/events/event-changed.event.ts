/** What the public sees of an event changed (edited, published, archived): its pages and the list of events are stale. */
export interface EventChanged {
  eventId: string;
  organizationId: string;
  slug: string;
}

declare module '@palabre/platform' {
  interface DomainEventMap {
    'event.changed': EventChanged;
  }
}
