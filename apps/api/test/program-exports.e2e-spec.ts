import ICAL from 'ical.js';
import { DEMO_EVENT_SLUG } from '@palabre/demo';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { c3vocSchemaDir, validateScheduleJson, validateScheduleXml } from './support/c3voc-schemas';
import { aKeynote, aPanel, aWorkshop, ProgramApi } from './support/program';
import { json, suiteApp } from './support/test-app';

const schemas = c3vocSchemaDir();
const withSchemas = schemas ? it : it.skip;

interface C3vocJson {
  schedule: {
    version: string;
    conference: {
      acronym: string;
      daysCount: number;
      time_zone_name: string;
      rooms: { name: string }[];
      days: {
        index: number;
        date: string;
        day_start: string;
        rooms: Record<
          string,
          { id: number; guid: string; title: string; date: string; start: string; duration: string; persons: { name: string; role: string }[] }[]
        >;
      }[];
    };
  };
}

function events(doc: C3vocJson) {
  return doc.schedule.conference.days.flatMap((d) => Object.values(d.rooms).flat());
}

function vevents(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}

/** RFC 5545 §3.1: CRLF after every line, none longer than 75 octets. */
function expectWellFolded(ics: string): void {
  expect(ics.endsWith('\r\n')).toBe(true);
  expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
}

describe('exports of the demo forum’s release', () => {
  const t = suiteApp({ SEED_DEMO: 'true', PUBLIC_URL: 'https://forum.example.ml' });

  withSchemas('serves a schedule.xml that the c3voc XSD accepts', async () => {
    const res = await t.fetch(`/api/v1/events/${DEMO_EVENT_SLUG}/schedule.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/xml');
    const xml = await res.text();
    expect(await validateScheduleXml(schemas!, xml)).toEqual([]);
    expect(xml).toContain('<acronym>jobcluster</acronym>');
    expect(xml).toContain('<time_zone_name>Africa/Bamako</time_zone_name>');
    expect(xml).toMatch(/<date>\d{4}-\d\d-\d\dT09:00:00\+00:00<\/date>/);
    expect(xml).toContain('<room name="Salle des Banquets"');
    expect(xml).toContain('Modération : Rokia Doumbia');
  });

  withSchemas('serves a schedule.json that the c3voc JSON schema accepts, roles in the person entries', async () => {
    const res = await t.fetch(`/api/v1/events/${DEMO_EVENT_SLUG}/schedule.json`);
    expect(res.status).toBe(200);
    const doc = await json<C3vocJson>(res);
    expect(validateScheduleJson(schemas!, doc)).toEqual([]);
    const c = doc.schedule.conference;
    expect(c).toMatchObject({ acronym: 'jobcluster', daysCount: 2, time_zone_name: 'Africa/Bamako' });
    expect(doc.schedule.version).toBe('1');
    expect(c.rooms.map((r) => r.name)).toEqual(expect.arrayContaining(['Salle des Banquets', 'Salle 1', 'Salle 2', 'Salle Wa Kamissoko']));
    const all = events(doc);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    const panel = all.find((e) => e.title === 'Femmes et entrepreneuriat')!;
    expect(panel.persons.map((p) => [p.name, p.role])).toEqual([
      ['Rokia Doumbia', 'MODERATOR'],
      ['Awa Diarra', 'SPEAKER'],
      ['Fatoumata Coulibaly', 'SPEAKER'],
      ['Djénéba Koné', 'SPEAKER'],
    ]);
    expect(panel.date).toMatch(/T10:30:00\+00:00$/);
    expect(panel.duration).toBe('01:30');
  });

  withSchemas('has validators that do refuse a broken schedule (so the checks above can fail)', async () => {
    const xml = await (await t.fetch(`/api/v1/events/${DEMO_EVENT_SLUG}/schedule.xml`)).text();
    expect(await validateScheduleXml(schemas!, xml.replace(/<version>[^<]*<\/version>/, ''))).not.toEqual([]);
    expect(await validateScheduleXml(schemas!, xml.replace(/(<event guid="[^"]+" id=")\d+"/, '$1zero"'))).not.toEqual([]);
    const doc = await json<C3vocJson>(await t.fetch(`/api/v1/events/${DEMO_EVENT_SLUG}/schedule.json`));
    const broken = JSON.parse(JSON.stringify(doc)) as C3vocJson;
    events(broken)[0].date = '10 juin';
    expect(validateScheduleJson(schemas!, broken)).not.toEqual([]);
    // A person that is both a frab and a pretalx person breaks the schema's oneOf.
    const both = JSON.parse(JSON.stringify(doc)) as C3vocJson;
    Object.assign(events(both).find((e) => e.persons.length > 0)!.persons[0], { public_name: 'x' });
    expect(validateScheduleJson(schemas!, both)).not.toEqual([]);
  });

  it('serves the program as iCalendar that ical.js reads', async () => {
    const res = await t.fetch(`/api/v1/events/${DEMO_EVENT_SLUG}/schedule.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const ics = await res.text();
    expectWellFolded(ics);
    expect(ics).toContain('X-WR-TIMEZONE:Africa/Bamako');
    const list = vevents(ics);
    const sessions = await json<{ items: { id: string; title: { fr: string }; startsAt: string }[]; total: number }>(
      await t.fetch(`/api/v1/events/${DEMO_EVENT_SLUG}/sessions`),
    );
    expect(list).toHaveLength(sessions.total);
    const opening = list.find((v) => v.getFirstPropertyValue('summary') === "Cérémonie d'ouverture")!;
    const session = sessions.items.find((s) => s.title.fr === "Cérémonie d'ouverture")!;
    expect(opening.getFirstPropertyValue('uid')).toBe(`${session.id}@forum.example.ml`);
    expect((opening.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(session.startsAt);
    expect(opening.getFirstPropertyValue('location')).toContain('Salle des Banquets');
  });

  it('answers 304 to a client that holds the same bytes (strong ETag)', async () => {
    for (const file of ['schedule.xml', 'schedule.json', 'schedule.ics']) {
      const first = await t.fetch(`/api/v1/events/${DEMO_EVENT_SLUG}/${file}`);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await t.fetch(`/api/v1/events/${DEMO_EVENT_SLUG}/${file}`, { headers: { 'if-none-match': etag } });
      expect([file, again.status, await again.text()]).toEqual([file, 304, '']);
      const stale = await t.fetch(`/api/v1/events/${DEMO_EVENT_SLUG}/${file}`, { headers: { 'if-none-match': '"something-else"' } });
      expect(stale.status).toBe(200);
    }
  });

  it('gives the compressed bytes a tag of their own, which still earns a 304', async () => {
    const path = `/api/v1/events/${DEMO_EVENT_SLUG}/schedule.json`;
    const plain = await t.fetch(path, { headers: { 'accept-encoding': 'identity' } });
    const gzipped = await t.fetch(path, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('etag')).toBe(plain.headers.get('etag')!.replace(/"$/, '-gzip"'));
    expect((await t.fetch(path, { headers: { 'accept-encoding': 'gzip', 'if-none-match': gzipped.headers.get('etag')! } })).status).toBe(304);
  });

  it('speaks English when asked', async () => {
    const doc = await json<C3vocJson>(await t.fetch(`/api/v1/events/${DEMO_EVENT_SLUG}/schedule.json?lang=en`));
    expect(events(doc).map((e) => e.title)).toContain('Opening ceremony');
  });
});

describe('exports of an edited program', () => {
  let owner: TestOrganizer;
  const t = suiteApp({ PUBLIC_URL: 'https://palabre.example.org' });
  beforeAll(async () => {
    owner = await anOrganizer(t);
  });

  const tricky = 'Santé, emploi & « avenir » ; l’<avenir> des jeunes — un très long titre qui dépasse largement soixante-quinze octets 🌍';

  it('keeps text, offsets and ids intact through every format, and follows releases', async () => {
    // A forum in Paris in June: UTC+2, so offsets show.
    const p = await ProgramApi.newEvent(t, owner, { timeZone: 'Europe/Paris', acronym: 'AB', colour: '#abc' });
    await p.publishEvent();
    const room = await p.room('Salle "Djeli" & co');
    const track = await p.track('Santé et environnement', '#1F5F99');
    const [awa, rokia, issa] = [await p.speaker('Awa Diarra'), await p.speaker('Rokia Doumbia'), await p.speaker('Issa Touré')];
    const panel = await p.session(
      aPanel()
        .titled(tricky, 'Health & jobs')
        .on(1, '09:00', '10:30')
        .inRoom(room)
        .with({ trackId: track, abstract: { fr: 'Ligne 1\nLigne 2; avec, virgules\\ et barre' } })
        .withModerator(rokia)
        .withPanelists(awa, issa),
    );
    const hall = await p.session(aKeynote().titled('Accueil dans le hall').on(1, '08:00', '09:00'));
    const workshop = await p.session(
      aWorkshop().titled('Atelier élevage').on(2, '10:00', '11:30').inRoom(room).withSpeakers(issa).with({ language: 'bm', capacity: 25 }),
    );
    expect((await p.release('v1')).status).toBe(201);

    const xml1 = await (await t.fetch(`/api/v1/events/${p.slug}/schedule.xml`)).text();
    const doc1 = await json<C3vocJson>(await t.fetch(`/api/v1/events/${p.slug}/schedule.json`));
    if (schemas) {
      expect(await validateScheduleXml(schemas, xml1)).toEqual([]);
      expect(validateScheduleJson(schemas, doc1)).toEqual([]);
    }
    expect(doc1.schedule.conference.acronym).toMatch(/^[a-z0-9_]{4,}$/);
    const jsonPanel = events(doc1).find((e) => e.guid === panel.id)!;
    expect(jsonPanel).toMatchObject({ id: panel.number, title: tricky, date: '2030-06-10T11:00:00+02:00', start: '11:00', duration: '01:30' });
    expect(xml1).toContain('Santé, emploi &amp; « avenir » ; l’&lt;avenir&gt;');
    // The session without a room sits in a room named after the venue-less event: "Lieu".
    expect(events(doc1).find((e) => e.guid === hall.id)).toMatchObject({ room: 'Lieu' });

    const ics1 = await (await t.fetch(`/api/v1/events/${p.slug}/schedule.ics`)).text();
    expectWellFolded(ics1);
    const vPanel = vevents(ics1).find((v) => v.getFirstPropertyValue('uid') === `${panel.id}@palabre.example.org`)!;
    expect(vPanel.getFirstPropertyValue('summary')).toBe(tricky);
    expect(vPanel.getFirstPropertyValue('description')).toContain('Ligne 1\nLigne 2; avec, virgules\\ et barre');
    expect(vPanel.getFirstPropertyValue('description')).toContain('Rokia Doumbia (modération)');
    expect((vPanel.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe('2030-06-10T09:00:00.000Z');
    expect(vPanel.getFirstPropertyValue('categories')).toBe('Santé et environnement');
    const etag1 = (await t.fetch(`/api/v1/events/${p.slug}/schedule.ics`)).headers.get('etag')!;

    // Release 2: the workshop cancelled, the panel moved. Same UIDs; the calendar marks the cancellation.
    await p.moveSession(workshop.id, { status: 'cancelled' });
    await p.moveSession(panel.id, { startsAt: '2030-06-10T12:00:00Z', endsAt: '2030-06-10T13:00:00Z' });
    expect((await p.release('v2')).status).toBe(201);
    const res2 = await t.fetch(`/api/v1/events/${p.slug}/schedule.ics`, { headers: { 'if-none-match': etag1 } });
    expect(res2.status).toBe(200);
    const ics2 = await res2.text();
    const v2 = vevents(ics2);
    expect(v2.map((v) => v.getFirstPropertyValue('uid')).sort()).toEqual(
      vevents(ics1)
        .map((v) => v.getFirstPropertyValue('uid'))
        .sort(),
    );
    expect(v2.find((v) => v.getFirstPropertyValue('uid') === `${workshop.id}@palabre.example.org`)!.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(v2.find((v) => v.getFirstPropertyValue('uid') === `${panel.id}@palabre.example.org`)!.getFirstPropertyValue('sequence')).toBe(2);

    const doc2 = await json<C3vocJson>(await t.fetch(`/api/v1/events/${p.slug}/schedule.json`));
    if (schemas) expect(validateScheduleJson(schemas, doc2)).toEqual([]);
    expect(doc2.schedule.version).toBe('2');
    expect(events(doc2).some((e) => e.guid === workshop.id)).toBe(false);
    expect(events(doc2).find((e) => e.guid === panel.id)?.date).toBe('2030-06-10T14:00:00+02:00');
  });

  it('gives each speaker an unguessable agenda link with their sessions only', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await p.publishEvent();
    const [kadiatou, issa] = [await p.speaker('Kadiatou Konaté'), await p.speaker('Issa Touré')];
    await p.session(aWorkshop().titled('Atelier CV').on(1, '11:00', '12:30').withSpeakers(kadiatou));
    await p.session(aWorkshop().titled('Atelier numérique').on(2, '10:00', '11:30').withSpeakers(kadiatou));
    await p.session(aWorkshop().titled('Atelier élevage').on(2, '10:00', '11:30').withSpeakers(issa));
    await p.release();

    const { url } = await p.ok<{ url: string }>('POST', `/speakers/${kadiatou}/agenda-link`);
    expect(url).toMatch(new RegExp(`^https://palabre\\.example\\.org/api/v1/speakers/${kadiatou}/agenda\\.ics\\?token=[\\w-]{22,}$`));
    const path = url.replace('https://palabre.example.org', '');
    const res = await t.fetch(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('private');
    const ics = await res.text();
    expectWellFolded(ics);
    expect(
      vevents(ics)
        .map((v) => v.getFirstPropertyValue('summary'))
        .sort(),
    ).toEqual(['Atelier CV', 'Atelier numérique']);
    expect((await t.fetch(path, { headers: { 'if-none-match': res.headers.get('etag')! } })).status).toBe(304);

    const token = new URL(url).searchParams.get('token')!;
    expect((await t.fetch(`/api/v1/speakers/${kadiatou}/agenda.ics?token=${token.slice(0, -2)}xx`)).status).toBe(404);
    expect((await t.fetch(`/api/v1/speakers/${issa}/agenda.ics?token=${token}`)).status).toBe(404);
    expect((await t.fetch(`/api/v1/speakers/${kadiatou}/agenda.ics`)).status).toBe(400);

    // A new link retires the old one.
    await p.ok('POST', `/speakers/${kadiatou}/agenda-link`);
    expect((await t.fetch(path)).status).toBe(404);
  });

  it('serves valid, empty exports before the first release, and nothing for a draft event', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    expect((await t.fetch(`/api/v1/events/${p.slug}/schedule.xml`)).status).toBe(404);
    await p.publishEvent();
    const xml = await (await t.fetch(`/api/v1/events/${p.slug}/schedule.xml`)).text();
    const doc = await json<C3vocJson>(await t.fetch(`/api/v1/events/${p.slug}/schedule.json`));
    if (schemas) {
      expect(await validateScheduleXml(schemas, xml)).toEqual([]);
      expect(validateScheduleJson(schemas, doc)).toEqual([]);
    }
    expect(doc.schedule.version).toBe('0');
    expect(vevents(await (await t.fetch(`/api/v1/events/${p.slug}/schedule.ics`)).text())).toHaveLength(0);
  });
});
