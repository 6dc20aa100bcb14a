import { DataSource } from 'typeorm';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aPanel, ProgramApi } from './support/program';
import { json, suiteApp } from './support/test-app';
import { signedIn } from './support/web-client';

interface ImportBody {
  id: string;
  status: string;
  counts: { rows: number; valid: number; errors: number; duplicates: number };
  created: number | null;
  rows: {
    line: number;
    profile: { name: string; email: string | null };
    errors: { field: string; message: string }[];
    duplicate: { kind: string; line?: number; speakerName?: string } | null;
  }[];
}

/** CSV import of speaker profiles (preview, then commit or cancel) and the merge of two profiles of one person. */
describe('importing speakers from a CSV file, and merging duplicates', () => {
  let owner: TestOrganizer;
  const t = suiteApp();
  beforeAll(async () => {
    owner = await anOrganizer(t, { organization: 'ONG Import' });
  });

  const preview = (p: ProgramApi, csv: string) => p.call('POST', '/speakers/imports', { csv });
  const names = async (p: ProgramApi) => (await p.ok<{ items: { name: string }[] }>('GET', '/speakers')).items.map((s) => s.name).sort();

  it('a CSV with 3 bad rows and 2 duplicates previews exactly those, and a commit saves the rest', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    await p.speaker('Aïssata Coulibaly', { email: 'aissata@example.ml' });
    const csv = [
      '\uFEFFname;title;organization;email;phone;bio_fr;bio_en;languages',
      'Moussa Keïta;Directeur;ONG Avenir;moussa@example.ml;+223 70 00 00 01;"Moussa dirige ; depuis 2015";;fr bm',
      ';Sans nom;ONG X;sans-nom@example.ml;;;;fr',
      'Fanta Camara;;;pas-une-adresse;;;;fr',
      'Sékou Traoré;;;sekou@example.ml;;;;français',
      'AISSATA  coulibaly;Ministre;;autre@example.ml;;;;',
      'Djénéba Sidibé;;;MOUSSA@example.ml;;;;',
      'Hawa Diarra;Formatrice;CFP Bamako;hawa@example.ml;;"Formatrice, ""CV et entretiens""";Trainer;fr en',
      '',
    ].join('\r\n');
    const res = await preview(p, csv);
    expect(res.status).toBe(201);
    const body = await json<ImportBody>(res);
    expect(body.counts).toEqual({ rows: 7, valid: 2, errors: 3, duplicates: 2 });
    const byLine = new Map(body.rows.map((r) => [r.line, r]));
    expect(byLine.get(3)!.errors.map((e) => e.field)).toEqual(['name']);
    expect(byLine.get(4)!.errors).toEqual([{ field: 'email', message: 'Adresse e-mail invalide.' }]);
    expect(byLine.get(5)!.errors.map((e) => e.field)).toEqual(['languages']);
    expect(byLine.get(6)!.duplicate).toMatchObject({ kind: 'name', speakerName: 'Aïssata Coulibaly' });
    expect(byLine.get(7)!.duplicate).toEqual({ kind: 'email', line: 2, speakerName: 'Moussa Keïta' });
    expect(byLine.get(2)!.profile).toMatchObject({
      name: 'Moussa Keïta',
      email: 'moussa@example.ml',
      bio: { fr: 'Moussa dirige ; depuis 2015' },
      languages: ['fr', 'bm'],
    });
    expect(byLine.get(8)!.profile).toMatchObject({ bio: { fr: 'Formatrice, "CV et entretiens"', en: 'Trainer' } });
    // Nothing is saved by a preview.
    expect(await names(p)).toEqual(['Aïssata Coulibaly']);

    const committed = await p.call('POST', `/speakers/imports/${body.id}/commit`);
    expect(committed.status).toBe(200);
    expect(await json(committed)).toMatchObject({ status: 'committed', created: 2 });
    expect(await names(p)).toEqual(['Aïssata Coulibaly', 'Hawa Diarra', 'Moussa Keïta']);
    // A commit happens once; the stored preview is what is saved, whatever a client sends.
    const again = await p.call('POST', `/speakers/imports/${body.id}/commit`, { rows: [{ name: 'Intrus' }] });
    expect(again.status).toBe(409);
    expect(await names(p)).toHaveLength(3);
    const audit = await t.app.get(DataSource).query<{ action: string }[]>(`SELECT action FROM audit_entries WHERE entity_id = $1`, [body.id]);
    expect(audit.map((a) => a.action)).toEqual(['speakers.imported']);
  });

  it('cancels a preview, refuses an unreadable file naming the column, and expires a preview after an hour', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const body = await json<ImportBody>(await preview(p, 'name,email\nAwa Sow,awa@example.ml\n'));
    expect((await p.call('DELETE', `/speakers/imports/${body.id}`)).status).toBe(204);
    expect((await p.call('POST', `/speakers/imports/${body.id}/commit`)).status).toBe(409);
    expect(await names(p)).toEqual([]);

    const bad = await preview(p, 'nom,email\nAwa,awa@example.ml');
    expect(bad.status).toBe(400);
    expect(await json(bad)).toMatchObject({ code: 'SPEAKER_IMPORT_UNREADABLE', errors: [{ field: 'csv' }] });
    expect((await preview(p, '')).status).toBe(400);
    expect((await p.call('POST', '/speakers/imports', { csv: 42 })).status).toBe(400);

    const late = await json<ImportBody>(await preview(p, 'name\nAwa Sow\n'));
    t.clock.advance(61 * 60_000);
    expect(await p.ok('GET', `/speakers/imports/${late.id}`)).toMatchObject({ status: 'expired' });
    expect((await p.call('POST', `/speakers/imports/${late.id}/commit`)).status).toBe(409);
    t.clock.reset();
  });

  it('imports from the back-office page: paste, preview with each row’s state, save', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const browser = await signedIn(t, owner.email, owner.password);
    const base = `/admin/o/${owner.organizationSlug}/events/${p.slug}/speakers`;
    expect(await (await browser.get(base)).text()).toContain(`href="${base}/import"`);
    await browser.get(`${base}/import`);
    const posted = await browser.post(`${base}/import`, { csv: 'name,email\nAwa Sow,awa@example.ml\n<b>Awa</b> Sow,x\n' });
    expect(posted.status).toBe(303);
    const page = await (await browser.get(posted.headers.get('location')!)).text();
    expect(page).toContain('À importer : 1');
    expect(page).toContain('Adresse e-mail invalide.');
    expect(page).toContain('&lt;b>Awa&lt;/b> Sow');
    expect(page).not.toContain('<b>Awa</b>');
    const id = /speakers\/import\/([0-9a-f-]{36})/.exec(posted.headers.get('location')!)![1];
    expect((await browser.post(`${base}/import/${id}/commit`)).status).toBe(303);
    expect(await (await browser.get(`${base}/import/${id}`)).text()).toContain('Import enregistré : 1 fiche(s) créée(s).');
    expect(await names(p)).toEqual(['Awa Sow']);
  });

  it('merges two profiles of one person, keeping both’s roles without a second role on one session, audited', async () => {
    const p = await ProgramApi.newEvent(t, owner);
    const room = await p.room();
    const kept = await p.speaker('Awa Traoré', { email: 'awa.t@example.ml' });
    const twin = await p.speaker('Awa Traore', { phone: '+22370000009', bio: { fr: 'Entrepreneuse.' } });
    const [a, b] = [await p.speaker('Ali Cissé'), await p.speaker('Binta Ba')];
    const both = await p.session(aPanel().titled('Panel avec les deux').on(1, '09:00', '10:00').inRoom(room).withModerator(kept).withPanelists(twin, a, b));
    const onlyTwin = await p.session(aPanel().titled('Panel du doublon').on(1, '11:00', '12:00').inRoom(room).withModerator(a).withPanelists(twin, b));

    const res = await p.call('POST', `/speakers/${kept}/merge`, { otherId: twin });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      moved: 1,
      dropped: 1,
      speaker: { id: kept, email: 'awa.t@example.ml', phone: '+22370000009', bio: { fr: 'Entrepreneuse.' } },
    });
    const first = await p.ok<{ people: { speakerId: string; role: string }[] }>('GET', `/program/sessions/${both.id}`);
    expect(first.people.filter((x) => x.speakerId === kept)).toEqual([expect.objectContaining({ role: 'moderator' })]);
    expect(first.people.map((x) => x.speakerId)).not.toContain(twin);
    const second = await p.ok<{ people: { speakerId: string; role: string }[] }>('GET', `/program/sessions/${onlyTwin.id}`);
    expect(second.people.find((x) => x.speakerId === kept)).toMatchObject({ role: 'panelist' });
    expect((await p.call('GET', `/speakers/${twin}`)).status).toBe(404);
    const audit = await t.app
      .get(DataSource)
      .query<{ action: string; changes: { removedId: string } }[]>(
        `SELECT action, changes FROM audit_entries WHERE entity_id = $1 AND action = 'speaker.merged'`,
        [kept],
      );
    expect(audit).toEqual([{ action: 'speaker.merged', changes: expect.objectContaining({ removedId: twin, rolesMoved: 1, rolesDropped: 1 }) }]);

    // Refused when the person would be in two places at once, and for an unknown or the same profile.
    const c = await p.speaker('Coumba Diop');
    const d = await p.speaker('Coumba Diop (2)');
    await p.session(aPanel().with({ type: 'keynote' }).titled('Keynote 14 h').on(1, '14:00', '15:00').withSpeakers(c));
    await p.session(aPanel().with({ type: 'keynote' }).titled('Autre keynote 14 h').on(1, '14:30', '15:30').withSpeakers(d));
    const clash = await p.call('POST', `/speakers/${c}/merge`, { otherId: d });
    expect(clash.status).toBe(409);
    expect(await json(clash)).toMatchObject({ code: 'SPEAKER_DOUBLE_BOOKED' });
    expect((await p.call('POST', `/speakers/${c}/merge`, { otherId: c })).status).toBe(404);
    expect((await p.call('POST', `/speakers/${c}/merge`, { otherId: 'pas-un-id' })).status).toBe(400);
    expect(await names(p)).toContain('Coumba Diop (2)');
  });
});
