import { aHeavyJpeg, aJpegWithGps, anSvg, aPdf, aPixelBomb, aPng } from '@palabre/testing';
import sharp from 'sharp';
import { pageText } from './support/html';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aPanel, ProgramApi } from './support/program';
import { aSignedInSpeaker, inviteSpeaker, postFile, signInByLink } from './support/speakers';
import { json, suiteApp } from './support/test-app';
import { signedIn, WebClient } from './support/web-client';

interface OwnProfileBody {
  id: string;
  name: string;
  bio: { fr: string; en?: string };
  photo: { sizes: { size: number; width: number; webp: string; jpeg: string }[] } | null;
  event: { slug: string };
  [k: string]: unknown;
}

/**
 * The speakers' space (`/intervenant`, `/api/v1/me/speaker-profile`): a speaker invited by
 * email signs in by the link, lands in their space, edits their profile in French and English
 * with a preview, sends a photo; the organizers see it, and the next release shows it.
 * (Answering each session — accept, decline — is `/intervenant/sessions`, tested with it.)
 */
describe('the speaker portal', () => {
  let owner: TestOrganizer;
  let p: ProgramApi;
  const t = suiteApp();
  beforeAll(async () => {
    owner = await anOrganizer(t, { organization: 'Réseau Emploi Jeunes' });
    p = await ProgramApi.newEvent(t, owner);
    await p.publishEvent();
  });

  /** The API as the signed-in browser calls it: the session cookie and its CSRF token. */
  const api = (browser: WebClient, method: string, path: string, body?: BodyInit, type = 'application/json') => {
    const cookie = [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
    return t.fetch(path, {
      method,
      body,
      headers: { cookie, ...(browser.csrf ? { 'x-csrf-token': browser.csrf } : {}), ...(body !== undefined ? { 'content-type': type } : {}) },
    });
  };

  it('invite → sign in by the link → /intervenant → profile in French and English → photo → the organizer sees it → the next release shows it', async () => {
    const moderator = await p.speaker('Modératrice', { email: 'mod@example.ml' });
    const other = await p.speaker('Autre panéliste');
    const room = await p.room();
    const { id, browser, landing } = await aSignedInSpeaker(t, p, 'Awa Traoré', 'awa@example.ml');
    await p.session(aPanel().titled('Emploi des jeunes').inRoom(room).withModerator(moderator).withPanelists(id, other));
    expect((await p.release('Première version')).status).toBe(201);

    // The link lands on /admin, which sends a speaker who organizes nothing to their space.
    expect(landing.headers.get('location')).toBe('/admin');
    const admin = await browser.get('/admin');
    expect(admin.status).toBe(303);
    expect(admin.headers.get('location')).toBe('/intervenant');
    const home = await browser.get('/intervenant');
    expect(home.status).toBe(200);
    const homeText = pageText(await home.text());
    expect(homeText).toContain('Bienvenue, Awa Traoré');
    expect(homeText).toContain('Forum de test');
    expect(homeText).toContain('À compléter : la biographie en français, la biographie en anglais, une photo.');
    expect(homeText).not.toContain('Espace organisateur');
    expect(await (await browser.get('/intervenant')).text()).toContain('href="/intervenant/sessions"');

    // The preview shows the card as typed, and saves nothing.
    const form = {
      name: 'Awa Traoré',
      title: 'Directrice exécutive',
      organization: 'ONG Jeunesse & Avenir',
      bioFr: 'Awa dirige une ONG <b>de Bamako</b>.\n\nElle forme des jeunes.',
      bioEn: 'Awa runs an NGO in Bamako.',
      languages: 'fr',
      linkUrl0: 'https://jeunesse.example.ml',
      linkTitle0: 'Site de l’ONG',
    };
    const preview = await browser.post('/intervenant/profil', { ...form, action: 'preview' });
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toContain('Aperçu du profil public');
    expect(previewHtml).toContain('Awa dirige une ONG &lt;b>de Bamako&lt;/b>.');
    expect(previewHtml).not.toContain('<b>de Bamako</b>');
    expect(previewHtml).toContain('Awa runs an NGO in Bamako.');
    expect(previewHtml).toContain('<a href="https://jeunesse.example.ml" rel="nofollow ugc noopener">Site de l’ONG</a>');
    expect((await json<OwnProfileBody>(await api(browser, 'GET', '/api/v1/me/speaker-profile'))).bio).toEqual({ fr: '' });

    // Saved, in both languages.
    const saved = await browser.post('/intervenant/profil', { ...form, action: 'save' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/intervenant/profil?done=saved');
    expect(pageText(await (await browser.get('/intervenant/profil?done=saved')).text())).toContain('Profil enregistré.');
    const english = await api(
      browser,
      'PATCH',
      '/api/v1/me/speaker-profile',
      JSON.stringify({ bio: { fr: form.bioFr, en: 'Awa runs an NGO in Bamako. She trains young people.' }, languages: ['fr', 'bm', 'en'] }),
    );
    expect(english.status).toBe(200);
    expect(await json(english)).toMatchObject({ name: 'Awa Traoré', title: 'Directrice exécutive', languages: ['fr', 'bm', 'en'], event: { slug: p.slug } });

    // The photo, by the page's form (multipart, as a browser without JavaScript sends it).
    await browser.get('/intervenant/profil');
    const photo = await postFile(t, browser, '/intervenant/photo', { bytes: await aJpegWithGps(), name: 'awa.jpg', type: 'image/jpeg' });
    expect(photo.status).toBe(303);
    expect(photo.headers.get('location')).toBe('/intervenant/profil?done=photo');
    const mine = await json<OwnProfileBody>(await api(browser, 'GET', '/api/v1/me/speaker-profile'));
    expect(mine.photo?.sizes.map((s) => s.size)).toEqual([96, 320, 640]);
    const file = await t.fetch(mine.photo!.sizes[1].jpeg);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const served = Buffer.from(await file.arrayBuffer());
    const meta = await sharp(served).metadata();
    expect([meta.width, meta.height, meta.exif]).toEqual([320, 320, undefined]);
    expect(served.includes(Buffer.from('SecretCam'))).toBe(false);
    expect((await t.fetch(mine.photo!.sizes[0].webp)).headers.get('content-type')).toBe('image/webp');

    // The organizer sees the new profile, the photo, and who changed it.
    const seen = await p.ok<OwnProfileBody & { email: string }>('GET', `/speakers/${id}`);
    expect(seen).toMatchObject({ bio: { en: 'Awa runs an NGO in Bamako. She trains young people.' }, email: 'awa@example.ml', photo: mine.photo });
    const audit = await json<{ items: { action: string; entityId: string; actor: { email: string } | null; changes: Record<string, unknown> }[] }>(
      await t.fetch(`/api/v1/organizations/${owner.organizationSlug}/audit`, { headers: owner.headers }),
    );
    const mineAudit = audit.items.filter((e) => e.entityId === id);
    expect(mineAudit.map((e) => e.action)).toEqual(['speaker.photo-updated', 'speaker.profile-updated', 'speaker.profile-updated', 'speaker.invited']);
    expect(mineAudit[1].changes).toEqual({ bio: { fr: form.bioFr, en: 'Awa runs an NGO in Bamako. She trains young people.' }, languages: ['fr', 'bm', 'en'] });
    const organizerPage = await (await signedIn(t, owner.email, owner.password)).get(`/admin/o/${owner.organizationSlug}/events/${p.slug}/speakers/${id}`);
    expect(await organizerPage.text()).toContain(mine.photo!.sizes[1].jpeg);

    // Not on the public page until the next release; then the bio and the photo are.
    const before = await (await t.fetch(`/e/${p.slug}/intervenants`)).text();
    expect(before).not.toContain('Awa dirige une ONG');
    const releasePreview = await p.ok<{ changelog: unknown[]; profiles: { id: string; name: string }[] }>('GET', '/program/releases/preview');
    expect(releasePreview).toMatchObject({ changelog: [], profiles: [{ id, name: 'Awa Traoré' }] });
    expect((await p.release('Profils à jour')).status).toBe(201);
    const after = await (await t.fetch(`/e/${p.slug}/intervenants`)).text();
    expect(after).toContain('Awa dirige une ONG &lt;b>de Bamako&lt;/b>.');
    expect(after).toContain(`src="${mine.photo!.sizes[1].jpeg}"`);
    expect(after).toContain('alt="Photo de Awa Traoré"');
    expect(await (await t.fetch(`/e/${p.slug}/intervenants?lang=en`)).text()).toContain('Awa runs an NGO in Bamako. She trains young people.');
    const publicJson = await json<{ items: OwnProfileBody[] }>(await t.fetch(`/api/v1/events/${p.slug}/speakers`));
    expect(publicJson.items.find((s) => s.id === id)?.photo).toEqual(mine.photo);
  });

  it('refuses what is not a JPEG, PNG or WebP of 5 MB at most, by content, with a problem naming the photo', async () => {
    const { browser } = await aSignedInSpeaker(t, p, 'Oumar Sangaré', 'oumar@example.ml');
    await browser.get('/intervenant/profil');
    const put = (bytes: Buffer, type: string) => api(browser, 'PUT', '/api/v1/me/speaker-profile/photo', bytes as unknown as BodyInit, type);
    const cases: [string, Buffer, string, number, string][] = [
      ['a PDF renamed .jpg', aPdf(), 'image/jpeg', 415, 'PHOTO_TYPE_UNSUPPORTED'],
      ['an SVG', anSvg(), 'image/svg+xml', 415, 'PHOTO_TYPE_UNSUPPORTED'],
      ['6 MB', aHeavyJpeg(6 * 1024 * 1024), 'image/jpeg', 413, 'PHOTO_TOO_LARGE'],
      ['a pixel bomb', aPixelBomb(), 'image/png', 413, 'PHOTO_TOO_MANY_PIXELS'],
    ];
    for (const [name, bytes, type, status, code] of cases) {
      const res = await put(bytes, type);
      expect([name, res.status, res.headers.get('content-type')]).toEqual([name, status, 'application/problem+json; charset=utf-8']);
      expect(await json(res)).toMatchObject({ status, code, errors: [{ field: 'photo' }] });
    }
    // Past what the route reads at all: the transport's own 413.
    const huge = await put(aHeavyJpeg(9 * 1024 * 1024), 'image/jpeg');
    expect(huge.status).toBe(413);
    expect(await json(huge)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // A declared type no photo has: 415 before anything is read.
    expect((await put(aPdf(), 'application/pdf')).status).toBe(415);
    expect((await json<OwnProfileBody>(await api(browser, 'GET', '/api/v1/me/speaker-profile'))).photo).toBeNull();

    // The page's form says it beside the photo, in the page's language.
    const refused = await postFile(t, browser, '/intervenant/photo?lang=en', { bytes: aPdf(), name: 'photo.jpg', type: 'image/jpeg' });
    expect(refused.status).toBe(415);
    const text = pageText(await refused.text());
    expect(text).toContain('Photo format not supported');
    expect(text).toContain('JPEG, PNG or WebP expected.');
    // And a PNG is welcome (raw body, as an app would send it).
    expect((await put(await aPng(), 'image/png')).status).toBe(200);
  });

  it('takes photos only on the photo routes: elsewhere an image or a multipart body stays 415', async () => {
    const res = await t.fetch(`/api/v1/events/${p.slug}/rooms`, {
      method: 'POST',
      headers: { authorization: owner.headers.authorization, 'content-type': 'image/png' },
      body: new Uint8Array(await aPng(10, 10)),
    });
    expect(res.status).toBe(415);
    const form = new FormData();
    form.set('name', 'Salle');
    const multipart = await t.fetch(`/api/v1/events/${p.slug}/rooms`, { method: 'POST', headers: { authorization: owner.headers.authorization }, body: form });
    expect(multipart.status).toBe(415);
  });

  it('edits only the signed-in speaker’s own public fields: no email, phone or id of another profile', async () => {
    const { browser } = await aSignedInSpeaker(t, p, 'Mariam Keïta', 'mariam@example.ml');
    await browser.get('/intervenant/profil');
    const patch = (body: unknown, query = '') => api(browser, 'PATCH', `/api/v1/me/speaker-profile${query}`, JSON.stringify(body));
    for (const body of [
      { email: 'x@example.ml' },
      { phone: '+22300000000' },
      { id: '00000000-0000-4000-8000-000000000000' },
      { name: '' },
      { links: [{ url: 'javascript:alert(1)' }] },
    ]) {
      const res = await patch(body);
      expect(res.status).toBe(400);
    }
    expect((await patch({ title: 'Formatrice' }, `?event=${p.slug}`)).status).toBe(200);
    expect((await patch({ title: 'Ailleurs' }, '?event=un-autre-forum')).status).toBe(404);
    const other = await ProgramApi.newEvent(t, owner);
    const otherProfile = await other.speaker('Quelqu’un d’autre', { email: 'autre@example.ml', phone: '+223 70 00 00 00' });
    expect((await patch({ title: 'Ailleurs' }, `?event=${other.slug}`)).status).toBe(404);
    expect((await other.ok<{ title: string }>('GET', `/speakers/${otherProfile}`)).title).toBe('');
    // Without a session: 401; without the form token: refused.
    expect((await t.fetch('/api/v1/me/speaker-profile')).status).toBe(401);
    const noCsrf = await t.fetch('/api/v1/me/speaker-profile', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ') },
      body: JSON.stringify({ title: 'Forgée' }),
    });
    expect(noCsrf.status).toBe(403);
    // An organizer with no profile has none.
    const res = await t.fetch('/api/v1/me/speaker-profile', { headers: { authorization: owner.headers.authorization } });
    expect(res.status).toBe(404);
    expect(await json(res)).toMatchObject({ code: 'SPEAKER_PROFILE_NOT_FOUND' });
  });

  it('lets a speaker of several events choose one, and someone who is both switch between the two spaces', async () => {
    const second = await ProgramApi.newEvent(t, owner, { title: { fr: 'Deuxième forum' } });
    const { id, browser } = await aSignedInSpeaker(t, p, 'Fatou Diarra', 'fatou@example.ml');
    const elsewhere = await second.speaker('Fatou Diarra', { email: 'fatou@example.ml' });
    await signInByLink(t, await inviteSpeaker(t, second, elsewhere, 'fatou@example.ml'));

    const chooser = await (await browser.get('/intervenant')).text();
    expect(pageText(chooser)).toContain('Vous intervenez à plusieurs événements');
    expect(chooser).toContain(`href="/intervenant?evenement=${second.slug}"`);
    expect((await browser.get('/intervenant/profil')).headers.get('location')).toBe('/intervenant');
    const api400 = await api(browser, 'GET', '/api/v1/me/speaker-profile');
    expect(api400.status).toBe(400);
    expect(await json(api400)).toMatchObject({ code: 'SPEAKER_EVENT_REQUIRED', errors: [{ field: 'event' }] });

    const page = await (await browser.get(`/intervenant/profil?evenement=${second.slug}`)).text();
    expect(page).toContain('Deuxième forum');
    expect(page).toContain(`name="evenement" value="${second.slug}"`);
    const saved = await browser.post('/intervenant/profil', { evenement: second.slug, name: 'Fatou Diarra', bioFr: 'Au deuxième forum.', action: 'save' });
    expect(saved.headers.get('location')).toBe(`/intervenant/profil?evenement=${second.slug}&done=saved`);
    expect((await second.ok<{ bio: { fr: string } }>('GET', `/speakers/${elsewhere}`)).bio.fr).toBe('Au deuxième forum.');
    expect((await p.ok<{ bio: { fr: string } }>('GET', `/speakers/${id}`)).bio.fr).toBe('');

    // An organizer who also speaks: « Espace intervenant » in the back office, « Espace organisateur » in the portal.
    const both = await anOrganizer(t, { organization: 'ONG Double' });
    const profile = await p.speaker('Organisatrice et intervenante', { email: both.email });
    await inviteSpeaker(t, p, profile, both.email);
    const organizer = await signedIn(t, both.email, both.password);
    const dashboard = await organizer.get(`/admin/o/${both.organizationSlug}`);
    expect(await dashboard.text()).toContain('<a href="/intervenant">Espace intervenant</a>');
    expect(await (await organizer.get('/intervenant')).text()).toContain('<a href="/admin">Espace organisateur</a>');
    expect(await (await (await signedIn(t, owner.email, owner.password)).get(`/admin/o/${owner.organizationSlug}`)).text()).not.toContain('Espace intervenant');
  });
});
