import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { aJpegWithGps, newPage, seriousAxeViolations } from '@palabre/testing';
import { appAndBrowser, describeInBrowser } from './support/browser';
import { anOrganizer } from './support/organizers';
import { aPanel, ProgramApi } from './support/program';
import { inviteSpeaker } from './support/speakers';
import { pathOf } from './support/web-client';

/**
 * A speaker on a phone (360 px): signs in by the emailed link, lands in their space, writes
 * their bio in French and English with the preview, sends a photo and accepts the panel they
 * are invited to — with no serious accessibility violation.
 */
describeInBrowser('the speaker portal in a real browser', () => {
  const ctx = appAndBrowser();

  it('a speaker signs in by the emailed link, edits the bio in French and English, previews it and uploads a photo, at 360 px', async () => {
    const owner = await anOrganizer(ctx.app, { organization: 'Ministère de la Jeunesse' });
    const p = await ProgramApi.newEvent(ctx.app, owner);
    const id = await p.speaker('Aïssata Maïga', { email: 'aissata@example.ml', phone: '+223 76 00 00 00' });
    const [moderator, panelist] = [await p.speaker('Oumar Diallo'), await p.speaker('Fanta Keïta')];
    const panel = await p.session(aPanel().titled('Financer son projet').on(1, '10:00', '11:00').withModerator(moderator).withPanelists(id, panelist));
    const link = await inviteSpeaker(ctx.app, p, id, 'aissata@example.ml');
    const photoFile = path.join(tmpdir(), `portrait-${id}.jpg`);
    writeFileSync(photoFile, await aJpegWithGps(900, 1200));

    const phone = await newPage(ctx.browser, { width: 360, height: 740 });
    await phone.goto(ctx.app.baseUrl + pathOf(link));
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.getByRole('button', { name: 'Me connecter' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Bienvenue, Aïssata Maïga' }).waitFor();
    expect(new URL(phone.url()).pathname).toBe('/intervenant');
    expect(await seriousAxeViolations(phone)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await phone.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Mon profil' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Mon profil' }).waitFor();
    expect(await seriousAxeViolations(phone)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.getByLabel('Fonction (facultatif)').fill('Conseillère technique');
    await phone.getByLabel('Biographie en français').fill('Aïssata accompagne les jeunes entrepreneurs du Sahel.');
    await phone.getByLabel('Biographie en anglais (facultatif)').fill('Aïssata supports young entrepreneurs in the Sahel.');
    await phone.getByLabel('Bambara').check();
    await phone.getByLabel('Adresse du lien 1').fill('pas une adresse');
    await phone.getByRole('button', { name: 'Prévisualiser' }).click();
    // A refused field is named and marked; nothing is previewed.
    await phone.locator('#profile-link-url0-error').waitFor();
    expect(await phone.getByLabel('Adresse du lien 1').getAttribute('aria-invalid')).toBe('true');
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.getByLabel('Adresse du lien 1').fill('https://sahel-entreprendre.example.ml');
    await phone.getByRole('button', { name: 'Prévisualiser' }).click();
    await phone.getByRole('heading', { level: 2, name: 'Aperçu du profil public' }).waitFor();
    expect(await phone.locator('#apercu').getByText('Aïssata supports young entrepreneurs in the Sahel.').count()).toBe(1);
    expect(await phone.locator('#apercu').getByText('Aïssata accompagne les jeunes entrepreneurs du Sahel.').count()).toBe(1);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    await phone.getByRole('button', { name: 'Enregistrer' }).click();
    await phone.getByText('Profil enregistré.', { exact: false }).waitFor();
    expect(await phone.getByLabel('Biographie en anglais (facultatif)').inputValue()).toBe('Aïssata supports young entrepreneurs in the Sahel.');

    await phone.getByLabel('Choisir une photo').setInputFiles(photoFile);
    await phone.getByRole('button', { name: 'Envoyer la photo' }).click();
    await phone.getByText('Photo enregistrée.', { exact: false }).waitFor();
    const img = phone.getByRole('img', { name: 'Photo de Aïssata Maïga' });
    await img.scrollIntoViewIfNeeded();
    // The browser loaded one of the resized files (WebP where it can).
    await img.evaluate((el: HTMLImageElement) => (el.complete ? undefined : new Promise((done) => el.addEventListener('load', done, { once: true }))));
    expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await img.evaluate((el) => (el as HTMLImageElement).currentSrc)).toMatch(/\/media\/photos\/[0-9a-f]{32}-(96|320|640)\.webp$/);
    expect(await seriousAxeViolations(phone)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The panel she is invited to: she accepts it.
    await phone.getByRole('link', { name: 'Mes sessions' }).first().click();
    await phone.getByRole('heading', { level: 1, name: 'Mes sessions' }).waitFor();
    expect(await seriousAxeViolations(phone)).toEqual([]);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.getByRole('button', { name: 'J’accepte — Financer son projet' }).click();
    await phone.getByText('Merci : votre participation est confirmée.').waitFor();
    expect(await seriousAxeViolations(phone)).toEqual([]);
    const roles = await p.ok<{ people: { speakerId: string; answer: string }[] }>('GET', `/program/sessions/${panel.id}`);
    expect(roles.people.find((x) => x.speakerId === id)?.answer).toBe('accepted');
    await phone.goto(ctx.app.baseUrl + '/intervenant/profil');

    // English, as the speaker may prefer it.
    await phone.getByRole('link', { name: 'English' }).click();
    await phone.getByRole('heading', { level: 1, name: 'My profile' }).waitFor();
    expect(await seriousAxeViolations(phone)).toEqual([]);

    const saved = await p.ok<{ title: string; bio: { fr: string; en: string }; languages: string[]; photo: unknown }>('GET', `/speakers/${id}`);
    expect(saved).toMatchObject({
      title: 'Conseillère technique',
      bio: { fr: 'Aïssata accompagne les jeunes entrepreneurs du Sahel.', en: 'Aïssata supports young entrepreneurs in the Sahel.' },
      languages: ['bm'],
    });
    expect(saved.photo).not.toBeNull();
    await phone.close();
  });
});
