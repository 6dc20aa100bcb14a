/** A release of the event's program was published: the public program, its pages and exports show it now. */
export interface ProgramReleased {
  eventId: string;
  organizationId: string;
  slug: string;
  number: number;
}

declare module '@palabre/platform' {
  interface DomainEventMap {
    'program.released': ProgramReleased;
  }
}
