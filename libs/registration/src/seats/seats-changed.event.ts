/**
 * Seats of an event were taken or given back (a registration, a confirmation, a cancellation, an
 * expired hold, a promotion from the waiting list): what shows the seats left is stale.
 */
export interface SeatsChanged {
  eventId: string;
  slug: string;
}

declare module '@palabre/platform' {
  interface DomainEventMap {
    'registration.seats-changed': SeatsChanged;
  }
}
