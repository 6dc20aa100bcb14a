import type { Localized } from '@palabre/platform';

/**
 * Every kind of message and the data its template needs. Contexts enqueue with these
 * shapes; the templates (fr/en, HTML + text) render them. Links are absolute URLs.
 */
export interface TemplateDataMap {
  'auth.magic-link': { name: string; link: string; expiresInMinutes: number };
  'member.invitation': { organizationName: string; inviterName: string; role: string; link: string; expiresInHours: number };
  /** `expiresInHours`: the link is an invitation (a new organization); null: the partner space's address (an existing one). */
  'partner.invitation': { partnerName: string; leadName: string; eventTitle: Localized; link: string; expiresInHours: number | null };
  'speaker.invitation': { speakerName: string; organizationName: string; eventTitle: Localized; link: string; expiresInHours: number };
  'speaker.reminder': {
    speakerName: string;
    eventTitle: Localized;
    timeZone: string;
    link: string;
    expiresInHours: number;
    maxReminders: number;
    sessions: { title: Localized; startsAt: string; endsAt: string; role: 'moderator' | 'panelist' | 'speaker' | 'host' }[];
  };
  'speaker.answers': {
    eventTitle: Localized;
    timeZone: string;
    link: string;
    answers: { speakerName: string; sessionTitle: Localized; startsAt: string; answer: 'accepted' | 'declined'; note?: string }[];
  };
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
  'registration.workshops': RegistrationMailData & {
    /** Why they are told: their own choice changed, or a workshop's seat freed up for them. */
    reason: 'changed' | 'seat-freed';
    /** The workshop whose seat they got (reason `seat-freed`). */
    freedWorkshop?: Localized;
    /** Every workshop they are in now: a seat, or a place on its waiting list. */
    workshops: RegistrationWorkshop[];
  };
}

/** One of a participant's workshops, as their email lists it. */
export interface RegistrationWorkshop {
  title: Localized;
  startsAt: string;
  endsAt: string;
  room: string | null;
  status: 'signed_up' | 'waitlisted';
  /** Rank on the workshop's waiting list, when waiting. */
  waitlistPosition: number | null;
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
