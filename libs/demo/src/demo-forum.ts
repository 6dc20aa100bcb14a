import type { Localized } from '@palabre/platform';

/** The demo forum, modelled on the Job Cluster forum (Bamako, June 2025). All people are fictional. */
export const DEMO_ORGANIZATION = 'Secrétariat du Forum Job Cluster';
export const DEMO_EVENT_SLUG = 'forum-job-cluster';
export const DEMO_ORGANIZER_EMAIL = 'organisation@jobcluster.example';

export const DEMO_EVENT = {
  slug: DEMO_EVENT_SLUG,
  acronym: 'JOBCLUSTER',
  title: {
    fr: "Forum Job Cluster — ONG et création d'emplois durables au Mali",
    en: 'Job Cluster Forum — NGOs and sustainable job creation in Mali',
  } satisfies Localized,
  description: {
    fr:
      "« ONG et création d'emplois durables au Mali : défis, opportunités et partenariats pour un développement inclusif ». " +
      "Deux jours de conférences, de panels et d'ateliers avec le ministère et quelque 65 ONG, pour les jeunes en recherche d'emploi.\n\n" +
      'Formation et compétences, entrepreneuriat, agriculture et élevage, santé et environnement : venez rencontrer celles et ceux qui recrutent et forment.',
    en:
      '"NGOs and sustainable job creation in Mali: challenges, opportunities and partnerships for inclusive development". ' +
      'Two days of talks, panels and workshops with the ministry and some 65 NGOs, for young jobseekers.\n\n' +
      'Skills and training, entrepreneurship, farming and livestock, health and environment: meet the people who hire and train.',
  } satisfies Localized,
  timeZone: 'Africa/Bamako',
  venueName: 'Centre international de conférences de Bamako (CICB)',
  venueAddress: 'Avenue de la Marne, Bamako, Mali',
  colour: '#0b6e4f',
  capacity: 3000,
};

/** Midnight in Bamako (UTC+0, no DST) four weeks from `now`: the forum's first day. */
export function demoFirstDay(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 28);
  return d;
}

/** A time on day 1 or 2 of the forum, `hh:mm` in Bamako. */
export function at(firstDay: Date, day: 1 | 2, hhmm: string): Date {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(firstDay.getTime() + (day - 1) * 86_400_000 + (h * 60 + m) * 60_000);
}
