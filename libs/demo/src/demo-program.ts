import type { Localized } from '@palabre/platform';

/**
 * The demo forum's program: rooms of the CICB, the forum's four tracks, fictional speakers
 * (names common in Mali, invented organizations) and two days of sessions. Times are
 * `hh:mm` in Bamako; rooms, tracks and people are referred to by key.
 */
export const DEMO_ROOMS = [
  { key: 'banquets', name: 'Salle des Banquets', capacity: 800 },
  { key: 'salle1', name: 'Salle 1', capacity: 250 },
  { key: 'salle2', name: 'Salle 2', capacity: 250 },
  { key: 'kamissoko', name: 'Salle Wa Kamissoko', capacity: 120 },
  { key: 'salle3', name: 'Salle 3', capacity: 60 },
] as const;
export type DemoRoomKey = (typeof DEMO_ROOMS)[number]['key'];

export const DEMO_TRACKS = [
  { key: 'formation', name: { fr: 'Formation et compétences', en: 'Skills and training' }, colour: '#1d6f42' },
  { key: 'entrepreneuriat', name: { fr: 'Entrepreneuriat', en: 'Entrepreneurship' }, colour: '#b5541c' },
  { key: 'agriculture', name: { fr: 'Agriculture et élevage', en: 'Farming and livestock' }, colour: '#6b7f1a' },
  { key: 'sante', name: { fr: 'Santé et environnement', en: 'Health and environment' }, colour: '#1f5f99' },
] as const;
export type DemoTrackKey = (typeof DEMO_TRACKS)[number]['key'];

interface DemoSpeaker {
  key: string;
  name: string;
  title: string;
  organization: string;
  bio: Localized;
  languages: string[];
  locale: 'fr' | 'en';
}

const speaker = (
  key: string,
  name: string,
  title: string,
  organization: string,
  fr: string,
  en: string,
  languages = ['fr', 'bm'],
  locale: 'fr' | 'en' = 'fr',
): DemoSpeaker => ({
  key,
  name,
  title,
  organization,
  bio: { fr, en },
  languages,
  locale,
});

export const DEMO_SPEAKERS: DemoSpeaker[] = [
  speaker(
    'coulibaly',
    'Fatoumata Coulibaly',
    'Directrice exécutive',
    'ONG Jeunesse et Avenir',
    'Vingt ans dans l’insertion des jeunes diplômés à Bamako et Ségou.',
    'Twenty years helping young graduates into work in Bamako and Ségou.',
  ),
  speaker(
    'keita',
    'Moussa Keïta',
    'Coordinateur des programmes',
    'Association Sahel Formation',
    'Conçoit des formations qualifiantes avec les artisans et les entreprises.',
    'Designs vocational courses with craftspeople and companies.',
  ),
  speaker(
    'diarra',
    'Awa Diarra',
    'Présidente',
    'Réseau des femmes entrepreneures de Ségou',
    'Accompagne plus de 300 entrepreneures dans la transformation agroalimentaire.',
    'Supports over 300 women entrepreneurs in food processing.',
  ),
  speaker(
    'sangare',
    'Boubacar Sangaré',
    'Chargé de projets agricoles',
    'ONG Sababu Agri',
    'Agronome, spécialiste des filières riz et maraîchage.',
    'Agronomist, specialist in rice and market gardening.',
  ),
  speaker(
    'sidibe',
    'Mariam Sidibé',
    'Médecin de santé publique',
    'Association Kènèya Ton',
    'Forme les agents de santé communautaire de la région de Koulikoro.',
    'Trains community health workers in the Koulikoro region.',
    ['fr', 'bm', 'en'],
  ),
  speaker(
    'dembele',
    'Oumar Dembélé',
    'Directeur',
    'Incubateur Faso Kanu',
    'A incubé une soixantaine de jeunes entreprises depuis 2018.',
    'Has incubated some sixty start-ups since 2018.',
    ['fr', 'en'],
    'en',
  ),
  speaker(
    'konate',
    'Kadiatou Konaté',
    'Formatrice en numérique',
    'Bamako Code Lab',
    'Enseigne le développement web et la bureautique aux jeunes en recherche d’emploi.',
    'Teaches web development and office skills to young jobseekers.',
  ),
  speaker(
    'toure',
    'Issa Touré',
    'Éleveur et formateur',
    'Coopérative Nièta de Sikasso',
    'Éleveur de bovins, forme les jeunes aux techniques d’embouche.',
    'Cattle farmer, trains young people in fattening techniques.',
    ['bm', 'fr'],
  ),
  speaker(
    'cisse',
    'Salimata Cissé',
    'Juriste, chargée d’études',
    'Observatoire de l’emploi des jeunes',
    'Suit les chiffres de l’emploi et du sous-emploi des jeunes.',
    'Tracks youth employment and underemployment figures.',
  ),
  speaker(
    'maiga',
    'Seydou Maïga',
    'Responsable RSE',
    'Fondation Djoliba pour l’emploi',
    'Construit des partenariats entre entreprises et ONG de formation.',
    'Builds partnerships between companies and training NGOs.',
  ),
  speaker(
    'ballo',
    'Hawa Ballo',
    'Ingénieure en environnement',
    'ONG Jiri Kalan',
    'Mène des projets de reboisement et de gestion des déchets créateurs d’emplois.',
    'Runs reforestation and waste-management projects that create jobs.',
  ),
  speaker(
    'sanogo',
    'Adama Sanogo',
    'Conseiller technique',
    'Ministère chargé de l’emploi (représentant)',
    'Suit la politique nationale de l’emploi des jeunes.',
    'Follows the national youth employment policy.',
  ),
  speaker(
    'doumbia',
    'Rokia Doumbia',
    'Journaliste',
    'Radio Benkadi FM',
    'Anime chaque semaine une émission sur l’emploi des jeunes.',
    'Hosts a weekly programme on youth employment.',
  ),
  speaker(
    'diakite',
    'Modibo Diakité',
    'Animateur',
    'Radio Benkadi FM',
    'Maître de cérémonie des grands forums de la jeunesse.',
    'Master of ceremonies of the big youth forums.',
  ),
  speaker(
    'kone',
    'Djénéba Koné',
    'Présidente',
    'Collectif des jeunes diplômés sans emploi',
    'Porte la voix des jeunes diplômés auprès des employeurs.',
    'Speaks for young graduates to employers.',
  ),
  speaker(
    'bcoulibaly',
    'Bakary Coulibaly',
    'Conseiller en création d’entreprise',
    'Maison de l’entrepreneur de Kati',
    'Aide les porteurs de projets à bâtir leur plan d’affaires.',
    'Helps founders build their business plans.',
  ),
];
export type DemoSpeakerKey = string;

type Role = 'moderator' | 'panelist' | 'speaker' | 'host';
interface DemoSession {
  day: 1 | 2;
  from: string;
  to: string;
  type: 'plenary' | 'keynote' | 'panel' | 'workshop' | 'ceremony' | 'break';
  title: Localized;
  abstract?: Localized;
  room?: DemoRoomKey;
  track?: DemoTrackKey;
  language?: string;
  capacity?: number;
  people?: [DemoSpeakerKey, Role][];
}

/** A panel: its moderator, then its panelists. */
const moderatedBy = (moderator: DemoSpeakerKey, ...panelists: DemoSpeakerKey[]): [DemoSpeakerKey, Role][] => [
  [moderator, 'moderator'],
  ...panelists.map((key): [DemoSpeakerKey, Role] => [key, 'panelist']),
];
/** A session given by these speakers, in this order. */
const speakers = (...keys: DemoSpeakerKey[]): [DemoSpeakerKey, Role][] => keys.map((key) => [key, 'speaker']);
/** A ceremony: its host, then its speakers. */
const hostedBy = (host: DemoSpeakerKey, ...others: DemoSpeakerKey[]): [DemoSpeakerKey, Role][] => [[host, 'host'], ...speakers(...others)];

export const DEMO_SESSIONS: DemoSession[] = [
  // Day 1
  { day: 1, from: '08:00', to: '09:00', type: 'break', title: { fr: 'Accueil et enregistrement des participants', en: 'Welcome and registration' } },
  {
    day: 1,
    from: '09:00',
    to: '10:30',
    type: 'ceremony',
    room: 'banquets',
    title: { fr: "Cérémonie d'ouverture", en: 'Opening ceremony' },
    abstract: {
      fr: 'Mots de bienvenue du secrétariat du forum, des ONG partenaires et du ministère.',
      en: 'Welcome from the forum secretariat, the partner NGOs and the ministry.',
    },
    people: hostedBy('diakite', 'sanogo', 'coulibaly'),
  },
  { day: 1, from: '10:30', to: '11:00', type: 'break', title: { fr: 'Pause café', en: 'Coffee break' } },
  {
    day: 1,
    from: '11:00',
    to: '12:30',
    type: 'panel',
    room: 'banquets',
    track: 'formation',
    title: { fr: 'Les ONG, premier employeur des jeunes ?', en: 'NGOs: the first employer of young people?' },
    abstract: {
      fr: 'Emplois directs, stages et formations : ce que les ONG offrent vraiment aux jeunes.',
      en: 'Direct jobs, internships and training: what NGOs really offer young people.',
    },
    people: moderatedBy('doumbia', 'keita', 'cisse', 'maiga'),
  },
  {
    day: 1,
    from: '11:00',
    to: '12:30',
    type: 'panel',
    room: 'salle1',
    track: 'agriculture',
    title: { fr: 'Agriculture et élevage : des filières qui recrutent', en: 'Farming and livestock: sectors that hire' },
    people: moderatedBy('kone', 'sangare', 'toure'),
  },
  {
    day: 1,
    from: '11:00',
    to: '12:30',
    type: 'workshop',
    room: 'salle3',
    track: 'formation',
    capacity: 40,
    title: { fr: 'Atelier : rédiger son CV et sa lettre de motivation', en: 'Workshop: writing your CV and cover letter' },
    abstract: {
      fr: 'Apportez votre CV : nous le retravaillons ensemble. Places limitées, sur inscription.',
      en: 'Bring your CV and we rework it together. Limited seats, sign-up required.',
    },
    people: speakers('konate'),
  },
  { day: 1, from: '12:30', to: '14:00', type: 'break', title: { fr: 'Déjeuner', en: 'Lunch' } },
  {
    day: 1,
    from: '14:00',
    to: '15:30',
    type: 'panel',
    room: 'banquets',
    track: 'entrepreneuriat',
    title: { fr: 'Entreprendre au Mali : financement et accompagnement', en: 'Starting a business in Mali: funding and support' },
    people: moderatedBy('doumbia', 'diarra', 'dembele', 'maiga'),
  },
  {
    day: 1,
    from: '14:00',
    to: '15:30',
    type: 'keynote',
    room: 'salle2',
    track: 'sante',
    title: { fr: 'Santé au travail : protéger les jeunes travailleurs', en: 'Health at work: protecting young workers' },
    people: speakers('sidibe'),
  },
  {
    day: 1,
    from: '14:00',
    to: '16:00',
    type: 'workshop',
    room: 'kamissoko',
    track: 'entrepreneuriat',
    capacity: 30,
    title: { fr: "Atelier : monter son plan d'affaires", en: 'Workshop: building a business plan' },
    people: speakers('bcoulibaly'),
  },
  {
    day: 1,
    from: '16:00',
    to: '17:30',
    type: 'panel',
    room: 'salle1',
    track: 'sante',
    title: { fr: "Emplois verts : l'environnement, un gisement d'emplois", en: 'Green jobs: the environment as a source of work' },
    people: moderatedBy('kone', 'ballo', 'sidibe', 'toure'),
  },
  // Day 2
  {
    day: 2,
    from: '09:00',
    to: '10:00',
    type: 'plenary',
    room: 'banquets',
    track: 'formation',
    title: { fr: "L'emploi des jeunes au Mali en chiffres", en: 'Youth employment in Mali in figures' },
    people: [
      ['cisse', 'speaker'],
      ['diakite', 'host'],
    ],
  },
  {
    day: 2,
    from: '10:00',
    to: '11:30',
    type: 'workshop',
    room: 'kamissoko',
    track: 'agriculture',
    capacity: 25,
    language: 'bm',
    title: { fr: "Atelier : techniques d'embouche bovine", en: 'Workshop: cattle fattening techniques' },
    abstract: { fr: 'Atelier pratique en bambara.', en: 'Hands-on workshop in Bambara.' },
    people: speakers('toure'),
  },
  {
    day: 2,
    from: '10:00',
    to: '11:30',
    type: 'workshop',
    room: 'salle3',
    track: 'formation',
    capacity: 30,
    title: { fr: 'Atelier : le numérique pour trouver un emploi', en: 'Workshop: digital skills for finding a job' },
    people: speakers('konate'),
  },
  {
    day: 2,
    from: '10:30',
    to: '12:00',
    type: 'panel',
    room: 'salle1',
    track: 'entrepreneuriat',
    title: { fr: 'Femmes et entrepreneuriat', en: 'Women and entrepreneurship' },
    people: moderatedBy('doumbia', 'diarra', 'coulibaly', 'kone'),
  },
  { day: 2, from: '12:00', to: '13:30', type: 'break', title: { fr: 'Déjeuner', en: 'Lunch' } },
  {
    day: 2,
    from: '13:30',
    to: '15:00',
    type: 'panel',
    room: 'banquets',
    track: 'formation',
    title: { fr: "Partenariats ONG–État pour l'emploi durable", en: 'NGO–State partnerships for lasting jobs' },
    people: moderatedBy('diakite', 'sanogo', 'keita', 'maiga', 'coulibaly'),
  },
  {
    day: 2,
    from: '15:00',
    to: '16:30',
    type: 'workshop',
    room: 'salle2',
    track: 'sante',
    capacity: 35,
    title: { fr: 'Atelier : hygiène et sécurité dans les métiers de la santé', en: 'Workshop: hygiene and safety in health jobs' },
    people: speakers('sidibe', 'ballo'),
  },
  {
    day: 2,
    from: '16:30',
    to: '17:30',
    type: 'ceremony',
    room: 'banquets',
    title: { fr: 'Cérémonie de clôture et recommandations', en: 'Closing ceremony and recommendations' },
    people: hostedBy('diakite', 'sanogo', 'coulibaly'),
  },
];
