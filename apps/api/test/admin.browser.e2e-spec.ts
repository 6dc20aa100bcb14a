import { newPage, seriousAxeViolations } from '@palabre/testing';
import { appAndBrowser, describeInBrowser } from './support/browser';
import { anOrganizer } from './support/organizers';
import { lastLink, pathOf } from './support/web-client';

describeInBrowser('the back office in a real browser', () => {
  const ctx = appAndBrowser();

  it('an owner signs in on a phone and invites a colleague as program, who joins by the link; both sign out — with no serious accessibility violation', async () => {
    const owner = await anOrganizer(ctx.app, { organization: 'Réseau des ONG du Sahel' });
    const phone = await newPage(ctx.browser, { width: 360, height: 740 });

    await phone.goto(ctx.app.baseUrl + '/admin');
    await phone.getByRole('heading', { level: 1, name: "Connexion à l'espace organisateurs" }).waitFor();
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.locator('#email').fill(owner.email);
    await phone.getByLabel('Mot de passe', { exact: true }).fill(owner.password);
    await phone.getByRole('button', { name: 'Se connecter' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Réseau des ONG du Sahel' }).waitFor();
    expect(await seriousAxeViolations(phone)).toEqual([]);
    // Nothing overflows sideways on a phone.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await phone.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Membres' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Membres' }).waitFor();
    await phone.getByLabel('Adresse e-mail').fill('pas-une-adresse');
    await phone.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await phone.locator('#invite-email-error').waitFor();
    expect(await phone.getByLabel('Adresse e-mail').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.getByLabel('Adresse e-mail').fill('fatou.coulibaly@example.org');
    await phone.getByLabel('Rôle', { exact: true }).selectOption('program');
    await phone.getByRole('button', { name: "Envoyer l'invitation" }).click();
    await phone.getByText('Invitation envoyée.').waitFor();
    expect(await phone.getByRole('row').filter({ hasText: 'fatou.coulibaly@example.org' }).count()).toBe(1);
    expect(await seriousAxeViolations(phone)).toEqual([]);

    const colleague = await newPage(ctx.browser);
    await colleague.goto(ctx.app.baseUrl + pathOf(await lastLink(ctx.app, 'fatou.coulibaly@example.org', 'member.invitation')));
    await colleague.getByRole('heading', { level: 1, name: 'Rejoindre Réseau des ONG du Sahel' }).waitFor();
    expect(await seriousAxeViolations(colleague)).toEqual([]);
    await colleague.getByRole('button', { name: "Accepter l'invitation" }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Réseau des ONG du Sahel' }).waitFor();
    expect(await colleague.getByText('Programme', { exact: true }).count()).toBe(1);
    expect(await colleague.getByRole('link', { name: 'Membres' }).count()).toBe(0);
    await colleague.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Événements et programme' }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Événements et programme' }).waitFor();
    expect(await seriousAxeViolations(colleague)).toEqual([]);
    await colleague.getByRole('link', { name: /Mon compte/ }).click();
    await colleague.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    expect(await colleague.getByRole('heading', { level: 2, name: 'Définir un mot de passe' }).count()).toBe(1);
    expect(await seriousAxeViolations(colleague)).toEqual([]);

    await colleague.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    await colleague.getByText('Vous êtes déconnecté·e.').waitFor();
    await colleague.goto(`${ctx.app.baseUrl}/admin/o/${owner.organizationSlug}/events`);
    await colleague.getByRole('heading', { level: 1, name: "Connexion à l'espace organisateurs" }).waitFor();

    await phone.getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    await phone.getByText('Vous êtes déconnecté·e.').waitFor();
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.goBack();
    await phone.reload();
    await phone.getByRole('heading', { level: 1, name: "Connexion à l'espace organisateurs" }).waitFor();
    await phone.close();
    await colleague.close();
  });
});
