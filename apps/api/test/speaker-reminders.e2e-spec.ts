import { DataSource } from 'typeorm';
import { JobRunner } from '@palabre/platform';
import { SPEAKER_REMINDERS_JOB } from '@palabre/program';
import { anOrganizer, TestOrganizer } from './support/organizers';
import { aKeynote, ProgramApi } from './support/program';
import { aSignedInSpeaker, answer } from './support/speaker-answering';
import { suiteApp } from './support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Automatic reminders to speakers who have not answered: after `speakerReminderDays`, at most
 * `speakerReminderMax` times, never after an answer, never at night in the event's zone
 * (Africa/Bamako, UTC+0, so local hours are UTC hours here).
 */
describe('reminders to speakers who have not answered', () => {
  let owner: TestOrganizer;
  let p: ProgramApi;
  let n = 0;
  const t = suiteApp();
  beforeAll(async () => {
    owner = await anOrganizer(t, { organization: 'ONG Rappels' });
    p = await ProgramApi.newEvent(t, owner);
  });

  const reminders = async (email: string) =>
    t.app
      .get(DataSource)
      .query<{ locale: string; data: { sessions: { title: { fr: string } }[]; maxReminders: number } }[]>(
        `SELECT locale, data FROM outbox_messages WHERE template = 'speaker.reminder' AND recipient = $1 ORDER BY created_at`,
        [email],
      );
  const run = () => t.app.get(JobRunner).drain([SPEAKER_REMINDERS_JOB]);
  /**
   * Moves the clock to the next hh:05 (local = UTC in Bamako), at least `after` ms from now. Five
   * past, not o'clock: the test clock ticks on, and a reminder sent a few seconds past hh:05 must be
   * whole days old at the next hh:05 only by a margin the test controls.
   */
  const moveTo = (hh: number, after = 0) => {
    const from = t.clock.now().getTime() + after;
    const target = new Date(from);
    target.setUTCHours(hh, 5, 0, 0);
    // The test clock ticks on from its instant: a few seconds past hh:00 still means this hh:00.
    if (target.getTime() < from - 10 * 60_000) target.setTime(target.getTime() + DAY);
    t.clock.advance(Math.max(0, target.getTime() - t.clock.now().getTime()));
  };
  /** The job's run at the next hh:05 (`after` ms from now first). */
  const runAt = async (hh: number, after = 0) => {
    moveTo(hh, after);
    await run();
  };

  /** The organizer's API token, anew: the clock moves past its lifetime. */
  async function signInAgain() {
    const res = await t.fetch('/api/v1/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: owner.email, password: owner.password }),
    });
    const { accessToken } = (await res.json()) as { accessToken: string };
    owner = { ...owner, token: accessToken, headers: { ...owner.headers, authorization: `Bearer ${accessToken}` } };
    p = p.as(owner);
  }

  /** An invited speaker with a keynote of their own, asked now. */
  async function anInvitedSpeaker(name: string) {
    await signInAgain();
    const email = `rappel-${++n}@example.ml`;
    const id = await p.speaker(name, { email });
    const session = await p.session(
      aKeynote()
        .titled(`Keynote de ${name}`)
        .on(1, `${String(8 + n).padStart(2, '0')}:00`, `${String(8 + n).padStart(2, '0')}:30`)
        .withSpeakers(id),
    );
    const browser = await aSignedInSpeaker(t, owner, id, email);
    return { id, email, session, browser };
  }

  it('reminds once after the delay, a second time after another delay, then never again', async () => {
    const s = await anInvitedSpeaker('Mariam Coulibaly');
    await run();
    expect(await reminders(s.email)).toHaveLength(0);

    await runAt(10, 3 * DAY);
    const first = await reminders(s.email);
    expect(first).toHaveLength(1);
    expect(first[0].data.sessions.map((x) => x.title.fr)).toEqual(['Keynote de Mariam Coulibaly']);
    await run();
    expect(await reminders(s.email)).toHaveLength(1);

    await runAt(10, 2 * DAY);
    expect(await reminders(s.email)).toHaveLength(1);
    moveTo(10, 1 * DAY - HOUR);
    t.clock.advance(60_000);
    await run();
    expect(await reminders(s.email)).toHaveLength(2);

    await runAt(10, 3 * DAY);
    await runAt(10, 10 * DAY);
    expect(await reminders(s.email)).toHaveLength(2);
  });

  it('sends none once the speaker has answered', async () => {
    const s = await anInvitedSpeaker('Oumar Diallo');
    expect((await answer(s.browser, s.session.id, 'accept')).status).toBe(200);
    await runAt(10, 4 * DAY);
    await runAt(10, 4 * DAY);
    expect(await reminders(s.email)).toHaveLength(0);
  });

  it('waits for the morning in the event’s time zone: none at night, one at 08:00', async () => {
    const s = await anInvitedSpeaker('Kadiatou Touré');
    await runAt(21, 3 * DAY);
    await runAt(3);
    expect(await reminders(s.email)).toHaveLength(0);
    await runAt(8);
    expect(await reminders(s.email)).toHaveLength(1);
  });

  it('follows the event’s settings: no reminder with 0 days', async () => {
    await signInAgain();
    await p.ok('PATCH', '', { speakerReminderDays: 0 });
    const s = await anInvitedSpeaker('Bakary Sangaré');
    await runAt(10, 5 * DAY);
    expect(await reminders(s.email)).toHaveLength(0);
    await signInAgain();
    const settings = await p.ok<{ speakerReminders: { days: number; max: number } }>('GET', '/settings');
    expect(settings.speakerReminders).toEqual({ days: 0, max: 2 });
  });
});
