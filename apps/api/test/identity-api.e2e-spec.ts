import { ApiTokensService } from '@palabre/identity';
import { anOrganizer } from './support/organizers';
import { json, suiteApp } from './support/test-app';

describe('organizer sign-in for the API', () => {
  const t = suiteApp();

  const token = (body: unknown, lang = 'fr') =>
    t.fetch('/api/v1/auth/token', { method: 'POST', headers: { 'content-type': 'application/json', 'accept-language': lang }, body: JSON.stringify(body) });

  it('gives a bearer token that opens the organizer’s organizations', async () => {
    const o = await anOrganizer(t, { organization: 'Ministère de l’Emploi' });
    expect(o.token).toMatch(/^plb_[\w-]{43}$/);
    const res = await t.fetch('/api/v1/organizations', { headers: o.headers });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({
      items: [{ slug: 'ministere-de-l-emploi', name: 'Ministère de l’Emploi', role: 'owner' }],
      total: 1,
      page: 1,
      pageSize: 1,
    });
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const o = await anOrganizer(t);
    const wrong = await token({ email: o.email, password: 'pas-le-bon-mot-de-passe' });
    const unknown = await token({ email: 'personne@example.org', password: 'pas-le-bon-mot-de-passe' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = await json(wrong);
    const b = await json(unknown);
    delete a.requestId;
    delete b.requestId;
    expect(a).toEqual(b);
    expect(a).toMatchObject({ code: 'INVALID_CREDENTIALS', title: 'Identifiants incorrects' });
  });

  it('treats the email case-insensitively', async () => {
    const o = await anOrganizer(t);
    expect((await token({ email: o.email.toUpperCase(), password: o.password })).status).toBe(200);
  });

  it('refuses protected routes without a token, with a bad one, and with a revoked one', async () => {
    expect((await t.fetch('/api/v1/organizations')).status).toBe(401);
    const bad = await t.fetch('/api/v1/organizations', { headers: { authorization: 'Bearer plb_nope' } });
    expect(bad.status).toBe(401);
    expect((await json(bad)).code).toBe('UNAUTHENTICATED');
    const o = await anOrganizer(t);
    const tokens = t.app.get(ApiTokensService);
    const me = await tokens.authenticate(o.token);
    const [issued] = await tokens.list(me!.userId);
    await tokens.revoke(me!.userId, issued.id);
    expect((await t.fetch('/api/v1/organizations', { headers: o.headers })).status).toBe(401);
  });

  it('names the bad fields of a token request, in French and English', async () => {
    const fr = await token({ email: 'pas-une-adresse', password: 12, extra: true });
    expect(fr.status).toBe(400);
    const errors = (await json<{ errors: unknown[] }>(fr)).errors;
    expect(errors).toHaveLength(3);
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'Adresse e-mail invalide.' },
        { field: 'password', message: 'Ce champ doit être un texte.' },
        { field: 'extra', message: "Ce champ n'est pas attendu." },
      ]),
    );
    const en = await t.fetch('/api/v1/auth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: '{"email":',
    });
    expect(en.status).toBe(400);
    expect(await json(en)).toMatchObject({ code: 'MALFORMED_BODY', errors: [{ field: 'body', message: 'Invalid JSON.' }] });
  });
});
