import { TestOrganizer } from './organizers';
import { TestApp } from './test-app';
import { lastLink, tokenOf, WebClient } from './web-client';

/**
 * A speaker invited by the organizer and signed in through the emailed link, in a browser
 * without JavaScript (invited once a day: a second call signs in with a link asked for).
 */
export async function aSignedInSpeaker(t: TestApp, org: TestOrganizer, speakerId: string, email: string): Promise<WebClient> {
  const res = await t.fetch(`/api/v1/speakers/${speakerId}/invite`, { method: 'POST', headers: { authorization: org.headers.authorization } });
  if (res.status !== 202) throw new Error(`invite: ${res.status} ${await res.text()}`);
  let link = await lastLink(t, email, 'speaker.invitation');
  if (!((await res.json()) as { queued: boolean }).queued) {
    await t.fetch('/api/v1/auth/magic-link', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email }) });
    link = await lastLink(t, email, 'auth.magic-link');
  }
  const browser = new WebClient(t);
  await browser.get('/admin/sign-in');
  const signed = await browser.post('/auth/link', { token: tokenOf(link) });
  if (signed.status !== 303) throw new Error(`sign-in by link: ${signed.status}`);
  // The signed-in session's form token, as its pages carry it.
  await browser.get('/intervenant/sessions');
  return browser;
}

/** The speaker's JSON API with their session cookie (and the form token, as the page's script would send it). */
export async function mySessions(browser: WebClient): Promise<{ items: MySession[] }> {
  const res = await browser.request('/api/v1/me/sessions', { headers: { accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`me/sessions: ${res.status} ${await res.text()}`);
  return (await res.json()) as { items: MySession[] };
}

export async function answer(browser: WebClient, sessionId: string, what: 'accept' | 'decline', note?: string): Promise<Response> {
  return browser.request(`/api/v1/me/sessions/${sessionId}/${what}`, {
    method: 'POST',
    json: note === undefined ? {} : { note },
    headers: { accept: 'application/json', 'x-csrf-token': browser.csrf! },
  });
}

export interface MySession {
  speakerId: string;
  event: { slug: string; timeZone: string };
  session: { id: string; title: { fr: string }; startsAt: string; endsAt: string; room: string | null };
  role: string;
  answer: string;
  answerNote: string | null;
  people: { speakerId: string; name: string; role: string; bio?: { fr: string }; [k: string]: unknown }[];
}
