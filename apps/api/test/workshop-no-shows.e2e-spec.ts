import { JobRunner } from '@palabre/platform';
import { NO_SHOW_RELEASE_JOB } from '@palabre/registration';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aWorkshop, ProblemBody, ProgramApi } from './support/program';
import { aParticipant, anOpenEvent, Participants, aRegistrationWorld, Registered } from './support/registration';
import { json, TestApp } from './support/test-app';

/** No-shows free workshop seats: the event's `noShowReleaseMinutes`, applied by a background job on the test clock. */
describe('no-shows free workshop seats', () => {
  let t: TestApp;
  let owner: TestOrganizer;
  let people: Participants;
  let p: ProgramApi;
  let workshopId: string;
  let other: ProgramApi;
  let otherWorkshopId: string;
  const refs: Record<string, string> = {};
  const run = () => t.app.get(JobRunner).drain([NO_SHOW_RELEASE_JOB]);
  const signups = async (sessionId: string) =>
    Object.fromEntries(
      (
        await t.query<{ first_name: string; status: string }[]>(
          `SELECT r.first_name, s.status FROM session_signups s JOIN registrations r ON r.id = s.registration_id WHERE s.session_id = $1`,
          [sessionId],
        )
      ).map((r) => [r.first_name, r.status]),
    );
  /** Moves the suite's clock to an instant of the forum (in 2030). */
  const clockAt = (iso: string) => t.clock.advance(new Date(iso).getTime() - t.clock.now().getTime());

  beforeAll(async () => {
    ({ t, owner, people } = await aRegistrationWorld('Forum Job Cluster'));
    p = await ProgramApi.newEvent(t, owner);
    workshopId = (await p.session(aWorkshop().titled('Atelier CV').on(1, '10:00', '11:00').with({ capacity: 2 }))).id;
    expect((await p.release()).status).toBe(201);
    await anOpenEvent(p, { capacity: 50, confirmEmail: false, noShowReleaseMinutes: 15 });
    for (const who of ['Awa', 'Moussa', 'Fatou', 'Ibrahim']) {
      const r = await json<Registered>(await people.register(p.slug, aParticipant(who, { firstName: who, sessionIds: [workshopId] })));
      refs[who] = r.reference;
    }
    // The same workshop elsewhere, without the setting: nobody's seat moves there.
    other = await ProgramApi.newEvent(t, owner);
    otherWorkshopId = (await other.session(aWorkshop().titled('Atelier entretien').on(1, '10:00', '11:00').with({ capacity: 1 }))).id;
    expect((await other.release()).status).toBe(201);
    await anOpenEvent(other, { capacity: 50, confirmEmail: false });
    for (const who of ['Kadi', 'Oumar']) await people.register(other.slug, aParticipant(who, { firstName: who, sessionIds: [otherWorkshopId] }));
    await people.delivered(6);
  });
  afterAll(() => t?.close());

  it('is a setting of the event, in minutes, that organizers read and clear', async () => {
    const settings = await p.ok<{ registrationSettings: { noShowReleaseMinutes: number | null } }>('GET', '/settings');
    expect(settings.registrationSettings.noShowReleaseMinutes).toBe(15);
    const bad = await t.fetch(`/api/v1/events/${other.slug}`, { method: 'PATCH', headers: owner.headers, body: JSON.stringify({ noShowReleaseMinutes: 0 }) });
    expect(bad.status).toBe(400);
    expect((await json<ProblemBody>(bad)).errors?.[0].field).toBe('noShowReleaseMinutes');
    await other.ok('PATCH', '', { noShowReleaseMinutes: 10 });
    await other.ok('PATCH', '', { noShowReleaseMinutes: null });
    expect(
      (await other.ok<{ registrationSettings: { noShowReleaseMinutes: number | null } }>('GET', '/settings')).registrationSettings.noShowReleaseMinutes,
    ).toBe(null);
    // The public never sees it.
    const pub = await json<Record<string, unknown>>(await t.fetch(`/api/v1/events/${p.slug}/registration`));
    expect(JSON.stringify(pub)).not.toContain('noShowReleaseMinutes');
  });

  it('gives the seats of those not checked in at the door to the waiting list, 15 minutes in, once, and emails the promoted', async () => {
    expect(await signups(workshopId)).toEqual({ Awa: 'signed_up', Moussa: 'signed_up', Fatou: 'waitlisted', Ibrahim: 'waitlisted' });
    clockAt('2030-06-10T09:58:00Z');
    // Signed in on the day (a token from 2026 has long expired).
    const desk = await anOrganizer(t, { organization: 'Forum Job Cluster', role: 'desk' });
    const [{ ticket_code: awa }] = await t.query(`SELECT ticket_code FROM registrations WHERE reference = $1`, [refs.Awa]);
    const scanned = await t.fetch(`/api/v1/events/${p.slug}/check-ins`, {
      method: 'POST',
      headers: desk.headers,
      body: JSON.stringify({ code: awa, sessionId: workshopId }),
    });
    expect((await json<{ result: string }>(scanned)).result).toBe('welcome');

    clockAt('2030-06-10T10:14:00Z');
    await run();
    expect(await signups(workshopId)).toEqual({ Awa: 'signed_up', Moussa: 'signed_up', Fatou: 'waitlisted', Ibrahim: 'waitlisted' });

    clockAt('2030-06-10T10:16:00Z');
    await run();
    // Moussa did not come: his seat goes to Fatou, first in line; Awa, checked in, keeps hers.
    expect(await signups(workshopId)).toEqual({ Awa: 'signed_up', Fatou: 'signed_up', Ibrahim: 'waitlisted' });
    const [release] = await t.query(`SELECT seats, promoted FROM no_show_releases WHERE session_id = $1`, [workshopId]);
    expect(release).toEqual({ seats: 1, promoted: 1 });
    const [history] = await t.query(
      `SELECT h.action, h.actor FROM registration_history h JOIN registrations r ON r.id = h.registration_id WHERE r.reference = $1 AND h.action = 'workshop-no-show'`,
      [refs.Moussa],
    );
    expect(history).toEqual({ action: 'workshop-no-show', actor: 'system' });

    const [mail] = await people.delivered(1);
    expect(mail.envelopeTo).toEqual(['awafatou@example.ml']);
    expect(mail.parsed.subject).toBe("Une place pour vous à l'atelier « Atelier CV » : Forum de test");
    expect(String(mail.parsed.text)).toMatch(/\/r\/[\w-]{43}/);

    // Once per workshop: Fatou, promoted and not yet at the door, keeps her seat.
    clockAt('2030-06-10T10:30:00Z');
    await run();
    expect(await signups(workshopId)).toEqual({ Awa: 'signed_up', Fatou: 'signed_up', Ibrahim: 'waitlisted' });
    expect(people.to('awamoussa@example.ml').map((m) => m.parsed.subject)).not.toContainEqual(expect.stringMatching(/^Une place pour vous/));

    // At the door, Moussa is no longer signed up; Fatou is let in.
    const at = async (reference: string) => {
      const [{ ticket_code: code }] = await t.query(`SELECT ticket_code FROM registrations WHERE reference = $1`, [reference]);
      const res = await t.fetch(`/api/v1/events/${p.slug}/check-ins`, {
        method: 'POST',
        headers: desk.headers,
        body: JSON.stringify({ code, sessionId: workshopId }),
      });
      return (await json<{ result: string }>(res)).result;
    };
    expect(await at(refs.Moussa)).toBe('not_signed_up');
    expect(await at(refs.Fatou)).toBe('welcome');

    // Without the setting, nothing moves.
    expect(await signups(otherWorkshopId)).toEqual({ Kadi: 'signed_up', Oumar: 'waitlisted' });
  });
});
