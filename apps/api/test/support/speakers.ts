import { ProgramApi } from './program';
import { TestApp } from './test-app';
import { lastLink, pathOf, tokenOf, WebClient } from './web-client';

/** Invites the speaker (by the organizer of `p`) and returns the emailed sign-in link. */
export async function inviteSpeaker(t: TestApp, p: ProgramApi, speakerId: string, email: string): Promise<string> {
  const res = await t.fetch(`/api/v1/speakers/${speakerId}/invite`, { method: 'POST', headers: { authorization: p.org.headers.authorization } });
  if (res.status !== 202) throw new Error(`invitation refused: ${res.status} ${await res.text()}`);
  return lastLink(t, email, 'speaker.invitation');
}

/** A browser that opened the emailed link and pressed its button: signed in, at the page it was sent to. */
export async function signInByLink(t: TestApp, link: string): Promise<{ browser: WebClient; landing: Response }> {
  const browser = new WebClient(t);
  const page = await browser.get(pathOf(link));
  if (page.status !== 200) throw new Error(`link page: ${page.status}`);
  const landing = await browser.post('/auth/link', { token: tokenOf(link) });
  if (landing.status !== 303) throw new Error(`sign-in by link: ${landing.status} ${await landing.text()}`);
  return { browser, landing };
}

/** A speaker profile of `p`'s event, invited, and signed in by the link. */
export async function aSignedInSpeaker(t: TestApp, p: ProgramApi, name: string, email: string) {
  const id = await p.speaker(name, { email, phone: '+223 76 00 00 01' });
  const { browser, landing } = await signInByLink(t, await inviteSpeaker(t, p, id, email));
  return { id, browser, landing };
}

/** Sends a file as a browser's form does (multipart), with the last page's form token. */
export async function postFile(
  t: TestApp,
  browser: WebClient,
  path: string,
  file: { bytes: Buffer; name: string; type: string },
  fields: Record<string, string> = {},
): Promise<Response> {
  const form = new FormData();
  if (browser.csrf) form.set('_csrf', browser.csrf);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('photo', new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const cookie = [...browser.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  return t.fetch(path, { method: 'POST', body: form, headers: { cookie, accept: 'text/html' }, redirect: 'manual' });
}
