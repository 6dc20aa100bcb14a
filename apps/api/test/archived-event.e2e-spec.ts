import { anOrganizer, TestOrganizer } from './support/organizers';
import { aKeynote, ProgramApi } from './support/program';
import { json, suiteApp } from './support/test-app';
import { signedIn, WebClient } from './support/web-client';

/** An archived event is read-only: rooms, tracks and speakers refuse writes the way sessions do. */
describe('an archived event', () => {
  let owner: TestOrganizer;
  let p: ProgramApi;
  let browser: WebClient;
  let room: string;
  let track: string;
  let speaker: string;
  let before: { rooms: unknown; tracks: unknown; speakers: unknown };

  const t = suiteApp();
  beforeAll(async () => {
    owner = await anOrganizer(t);
    p = await ProgramApi.newEvent(t, owner);
    room = await p.room('Salle Niger');
    track = await p.track('Emploi');
    speaker = await p.speaker('Awa Traoré', { email: 'awa.archive@example.ml' });
    await p.session(aKeynote().titled('Ouverture').on(1, '09:00', '10:00').inRoom(room).withSpeakers(speaker));
    await p.ok('POST', '/archive');
    before = await state();
    browser = await signedIn(t, owner.email, owner.password);
  });

  async function state() {
    const [rooms, tracks, speakers] = await Promise.all([p.ok('GET', '/rooms'), p.ok('GET', '/tracks'), p.ok('GET', '/speakers')]);
    return { rooms, tracks, speakers };
  }

  /** The code sessions answer with on an archived event: what every other write must answer too. */
  let sessionsCode: string;
  it('refuses a session write, as before', async () => {
    const res = await p.createSession(aKeynote().on(1, '11:00', '12:00').inRoom(room));
    expect(res.status).toBe(409);
    sessionsCode = (await json<{ code: string }>(res)).code;
    expect(sessionsCode).toBe('EVENT_ARCHIVED');
  });

  it.each([
    ['POST', '/rooms', () => ({ name: 'Salle nouvelle' })],
    ['PATCH', '/rooms/:room', () => ({ name: 'Salle renommée' })],
    ['DELETE', '/rooms/:room', () => undefined],
    ['POST', '/tracks', () => ({ name: { fr: 'Nouveau parcours' }, colour: '#123456' })],
    ['PATCH', '/tracks/:track', () => ({ colour: '#654321' })],
    ['DELETE', '/tracks/:track', () => undefined],
    ['POST', '/speakers', () => ({ name: 'Moussa Keïta' })],
    ['PATCH', '/speakers/:speaker', () => ({ title: 'Directeur' })],
    ['POST', '/speakers/:speaker/agenda-link', () => undefined],
  ])('refuses %s %s by the API with the sessions’ problem code', async (method, path, body) => {
    const res = await p.call(method, path.replace(':room', room).replace(':track', track).replace(':speaker', speaker), body());
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await json(res)).toMatchObject({ code: sessionsCode ?? 'EVENT_ARCHIVED' });
  });

  it('refuses to invite a speaker of the event', async () => {
    const res = await t.fetch(`/api/v1/speakers/${speaker}/invite`, { method: 'POST', headers: { authorization: owner.headers.authorization } });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ code: 'EVENT_ARCHIVED' });
  });

  const speakerForm = { name: 'Moussa Keïta', title: '', organization: '', bioFr: '', bioEn: '', email: '', phone: '', locale: 'fr' };
  it.each([
    ['/rooms', () => ({ name: 'Salle nouvelle', capacity: '' })],
    ['/rooms/:room', () => ({ name: 'Salle renommée', capacity: '' })],
    ['/rooms/:room/delete', () => ({})],
    ['/tracks', () => ({ nameFr: 'Nouveau parcours', nameEn: '', colour: '#123456' })],
    ['/tracks/:track', () => ({ nameFr: 'Emploi', nameEn: '', colour: '#654321' })],
    ['/tracks/:track/delete', () => ({})],
    ['/speakers', () => speakerForm],
    ['/speakers/:speaker', () => speakerForm],
    ['/speakers/:speaker/invite', () => ({})],
  ])('refuses the back-office form POST %s, naming the archive', async (path, form) => {
    await browser.get(`/admin/o/${owner.organizationSlug}/events/${p.slug}/rooms`);
    const res = await browser.post(
      `/admin/o/${owner.organizationSlug}/events/${p.slug}${path.replace(':room', room).replace(':track', track).replace(':speaker', speaker)}`,
      form(),
    );
    expect(res.status).toBe(409);
    // The refused form's problem, or (its form being hidden on an archived event) the page's notice.
    expect(await res.text()).toMatch(/Événement archivé|Cet événement est archivé/);
  });

  it('has changed nothing', async () => {
    expect(await state()).toEqual(before);
  });
});
