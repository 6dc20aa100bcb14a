import { Locale, LOCALES } from '@palabre/platform';
import type { RegistrationMailData, TemplateDataMap, TemplateName } from './template-data';
import { TEMPLATES } from './templates';

/** Every template in every locale, `[name, locale]`: what previews and tests go through. */
export function everyTemplateInEveryLocale(): [TemplateName, Locale][] {
  return (Object.keys(TEMPLATES) as TemplateName[]).flatMap((name) => LOCALES.map((locale): [TemplateName, Locale] => [name, locale]));
}

/**
 * Example data for every template, as the contexts would enqueue it: for previews in the
 * back-office, the benchmark and tests. Links are built on the given base URL.
 */
export function templateExamples(baseUrl = 'http://localhost:3000'): { [K in TemplateName]: TemplateDataMap[K] } {
  const registration: RegistrationMailData = {
    firstName: 'Awa',
    reference: 'JC25-7K3Q',
    eventTitle: { fr: 'Forum Job Cluster 2025', en: 'Job Cluster Forum 2025' },
    eventSlug: 'job-cluster-2025',
    startsAt: '2025-06-12T08:30:00.000Z',
    endsAt: '2025-06-13T17:00:00.000Z',
    timeZone: 'Africa/Bamako',
    venueName: 'Centre international de conférences de Bamako',
    manageLink: `${baseUrl}/r/mt_8f2c1d0e9b7a4c3e`,
  };
  const ticket = { ticketCode: 'T-4Q9Z-2M7X', ticketLink: `${baseUrl}/r/mt_8f2c1d0e9b7a4c3e/ticket` };
  return {
    'auth.magic-link': { name: 'Moussa Keïta', link: `${baseUrl}/auth/magic/ml_3b9e7c`, expiresInMinutes: 15 },
    'member.invitation': {
      organizationName: 'ONG Jeunesse et Emploi',
      inviterName: 'Fatoumata Diarra',
      role: 'program',
      link: `${baseUrl}/invitations/inv_51ac`,
      expiresInHours: 72,
    },
    'partner.invitation': {
      partnerName: 'Sahel Emploi Jeunes',
      leadName: 'Secrétariat du Forum Job Cluster',
      eventTitle: registration.eventTitle,
      link: `${baseUrl}/admin/invitation?token=inv_51ac`,
      expiresInHours: 168,
    },
    'speaker.invitation': {
      speakerName: 'Dr Aminata Coulibaly',
      organizationName: 'Ministère de l’Entrepreneuriat',
      eventTitle: registration.eventTitle,
      link: `${baseUrl}/auth/magic/sp_77d1`,
      expiresInHours: 72,
    },
    'speaker.reminder': {
      speakerName: 'Dr Aminata Coulibaly',
      eventTitle: registration.eventTitle,
      timeZone: registration.timeZone,
      link: `${baseUrl}/auth/link?token=sp_88e2`,
      expiresInHours: 72,
      maxReminders: 2,
      sessions: [
        {
          title: { fr: 'Panel : les ONG et la création d’emplois', en: 'Panel: NGOs and job creation' },
          startsAt: '2025-06-12T10:00:00.000Z',
          endsAt: '2025-06-12T11:00:00.000Z',
          role: 'panelist',
        },
      ],
    },
    'speaker.answers': {
      eventTitle: registration.eventTitle,
      timeZone: registration.timeZone,
      link: `${baseUrl}/admin/o/ong-jeunesse/events/${registration.eventSlug}/program`,
      answers: [
        {
          speakerName: 'Dr Aminata Coulibaly',
          sessionTitle: { fr: 'Panel : les ONG et la création d’emplois' },
          startsAt: '2025-06-12T10:00:00.000Z',
          answer: 'accepted',
        },
        {
          speakerName: 'Moussa Keïta',
          sessionTitle: { fr: 'Atelier CV', en: 'CV workshop' },
          startsAt: '2025-06-12T14:00:00.000Z',
          answer: 'declined',
          note: 'En mission à Kayes ce jour-là.',
        },
      ],
    },
    'program.change': {
      name: 'Aminata',
      eventTitle: registration.eventTitle,
      eventSlug: registration.eventSlug,
      timeZone: registration.timeZone,
      releaseNumber: 3,
      link: `${baseUrl}/e/${registration.eventSlug}/program`,
      changes: [
        {
          sessionTitle: { fr: 'Panel : les ONG et la création d’emplois', en: 'Panel: NGOs and job creation' },
          kind: 'moved',
          before: { startsAt: '2025-06-12T10:00:00.000Z', endsAt: '2025-06-12T11:00:00.000Z' },
          after: { startsAt: '2025-06-12T14:00:00.000Z', endsAt: '2025-06-12T15:00:00.000Z' },
        },
        { sessionTitle: { fr: 'Atelier CV', en: 'CV workshop' }, kind: 'room-changed', before: { room: 'Salle 2' }, after: { room: 'Salle Niger' } },
        { sessionTitle: { fr: 'Cérémonie de clôture', en: 'Closing ceremony' }, kind: 'cancelled' },
      ],
    },
    'registration.check-email': {
      firstName: 'Awa',
      eventTitle: registration.eventTitle,
      confirmLink: `${baseUrl}/r/mt_8f2c1d0e9b7a4c3e/confirm`,
      holdHours: 48,
    },
    'registration.confirmed': { ...registration, ...ticket },
    'registration.waitlisted': { ...registration, waitlistPosition: 12 },
    'registration.promoted': { ...registration, ...ticket },
    'registration.cancelled': registration,
    'registration.hold-expired': registration,
    'registration.reminder': { ...registration, ticketLink: ticket.ticketLink },
    'registration.workshops': {
      ...registration,
      reason: 'changed',
      workshops: [
        {
          title: { fr: 'Atelier CV', en: 'CV workshop' },
          startsAt: '2025-06-12T10:00:00.000Z',
          endsAt: '2025-06-12T11:30:00.000Z',
          room: 'Salle Niger',
          status: 'signed_up',
          waitlistPosition: null,
        },
        {
          title: { fr: 'Atelier pitch', en: 'Pitch workshop' },
          startsAt: '2025-06-13T14:00:00.000Z',
          endsAt: '2025-06-13T15:00:00.000Z',
          room: null,
          status: 'waitlisted',
          waitlistPosition: 4,
        },
      ],
    },
  };
}
