import type { Localized } from '@palabre/platform';

/**
 * Every kind of message and the data its template needs. Contexts enqueue with these
 * shapes; the templates (fr/en, HTML + text) render them. Links are absolute URLs.
 */
export interface TemplateDataMap {
  'auth.magic-link': { name: string; link: string; expiresInMinutes: number };
  'member.invitation': { organizationName: string; inviterName: string; role: string; link: string; expiresInHours: number };
  'speaker.invitation': { speakerName: string; organizationName: string; eventTitle: Localized; link: string; expiresInHours: number };
  'program.change': {
    name: string;
    eventTitle: Localized;
    eventSlug: string;
    timeZone: string;
    releaseNumber: number;
    link: string;
    changes: {
      sessionTitle: Localized;
      kind: 'moved' | 'cancelled' | 'room-changed' | 'people-changed' | 'added';
      /** ISO times and room names before and after, where they changed. */
      before?: { startsAt?: string; endsAt?: string; room?: string };
      after?: { startsAt?: string; endsAt?: string; room?: string };
    }[];
  };
  /** `holdHours` null: the event was full, no seat is held; once confirmed the person joins the waiting list. */
  'registration.check-email': { firstName: string; eventTitle: Localized; confirmLink: string; holdHours: number | null };
  'registration.confirmed': RegistrationMailData & { ticketCode: string; ticketLink: string };
  'registration.waitlisted': RegistrationMailData & { waitlistPosition: number };
  'registration.promoted': RegistrationMailData & { ticketCode: string; ticketLink: string };
  'registration.cancelled': RegistrationMailData;
  'registration.hold-expired': RegistrationMailData;
  'registration.reminder': RegistrationMailData & { ticketLink: string };
  /** A workshop seat handed to the head of its waiting list (e.g. a no-show's, once the workshop has started). */
  'registration.workshop-promoted': RegistrationMailData & { sessionTitle: Localized; sessionStartsAt: string; sessionEndsAt: string; room: string | null };
}

export interface RegistrationMailData {
  firstName: string;
  reference: string;
  eventTitle: Localized;
  eventSlug: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venueName: string;
  manageLink: string;
}

export type TemplateName = keyof TemplateDataMap;
