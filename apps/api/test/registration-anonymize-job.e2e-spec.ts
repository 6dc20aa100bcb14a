import { DataSource } from 'typeorm';
import { JobRunner } from '@palabre/platform';
import { SmtpTestServer } from '@palabre/testing';
import { anOrganizer } from './support/organizers';
import { FORUM, ProgramApi } from './support/program';
import { aParticipant, anOpenEvent, Participants } from './support/registration';
import { json, TestApp, startMailingApp } from './support/test-app';

/** Rule 10 without anyone remembering it: ANONYMIZE_AFTER_DAYS after a forum, its participants' personal data goes. */
describe('registrations anonymized automatically after the event', () => {
  let smtp: SmtpTestServer;
  let t: TestApp;
  beforeAll(async () => {
    ({ t, smtp } = await startMailingApp({ ANONYMIZE_AFTER_DAYS: '30' }));
  });
  afterAll(() => t?.close());

  it('erases names and contacts 30 days after the end, keeps the categories and the check-ins, and says so in the audit log', async () => {
    const owner = await anOrganizer(t, { organization: 'Forum Job Cluster' });
    const p = await ProgramApi.newEvent(t, owner);
    await anOpenEvent(p, { capacity: 10, confirmEmail: false });
    const people = new Participants(t, smtp);
    const awa = await json<{ reference: string; manageToken: string }>(
      await people.register(p.slug, aParticipant('anon-a', { gender: 'female', region: 'Kayes' })),
    );
    await people.register(p.slug, aParticipant('anon-b', { gender: 'male' }));
    const { ticketCode } = await json<{ ticketCode: string }>(await people.call('GET', awa.manageToken));
    expect(
      (await t.fetch(`/api/v1/events/${p.slug}/check-ins`, { method: 'POST', headers: owner.headers, body: JSON.stringify({ code: ticketCode }) })).status,
    ).toBe(200);
    const db = t.app.get(DataSource);
    const names = () =>
      db.query<{ first_name: string; email: string | null; gender: string; region: string | null; erased_at: Date | null }[]>(
        `SELECT first_name, email, gender, region, erased_at FROM registrations WHERE event_id = $1 ORDER BY gender`,
        [p.eventId],
      );
    const runAt = async (iso: string) => {
      t.clock.advance(new Date(iso).getTime() - t.clock.now().getTime());
      await t.app.get(JobRunner).drain(['registration-anonymize']);
    };
    const end = new Date(FORUM.endsAt).getTime();

    await runAt(new Date(end + 29 * 86_400_000).toISOString());
    expect((await names()).map((r) => r.first_name)).toEqual(['Awaanon-a', 'Awaanon-b']);

    await runAt(new Date(end + 31 * 86_400_000).toISOString());
    expect(await names()).toEqual([
      { first_name: '', email: null, gender: 'female', region: 'Kayes', erased_at: expect.any(Date) },
      { first_name: '', email: null, gender: 'male', region: null, erased_at: expect.any(Date) },
    ]);
    expect((await people.call('GET', awa.manageToken)).status).toBe(404);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM check_ins WHERE event_id = $1`, [p.eventId]);
    expect(n).toBe(1);
    const audit = await db.query(`SELECT actor_user_id, changes FROM audit_entries WHERE action = 'registrations.anonymized' AND entity_id = $1`, [p.eventId]);
    expect(audit).toEqual([{ actor_user_id: null, changes: { anonymized: 2 } }]);
    // Once done, nothing more: no second audit entry.
    await runAt(new Date(end + 40 * 86_400_000).toISOString());
    expect(await db.query(`SELECT 1 FROM audit_entries WHERE action = 'registrations.anonymized' AND entity_id = $1`, [p.eventId])).toHaveLength(1);
    t.clock.reset();
  });
});
