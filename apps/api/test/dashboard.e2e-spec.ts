import { anOrganizer } from './support/organizers';
import { suiteApp } from './support/test-app';
import { signedIn } from './support/web-client';

describe('the organization dashboard', () => {
  const t = suiteApp();

  it('shows owners their mail by state, linking to the delivery log, and hides it from roles that do not manage mail', async () => {
    const owner = await anOrganizer(t, { organization: 'ONG Tableau' });
    const program = await anOrganizer(t, { organization: owner.organizationSlug, role: 'program' });
    await t.query(
      `INSERT INTO outbox_messages (template, locale, recipient, data, message_id, status, attempts, organization_id)
       SELECT 'auth.magic-link', 'fr', 'p' || g || '@example.ml', '{}'::jsonb, '<d' || g || '@t>', CASE WHEN g <= 3 THEN 'sent' ELSE 'failed' END, 1, $1
       FROM generate_series(1, 4) g`,
      [owner.organizationId],
    );
    const asOwner = await signedIn(t, owner.email, owner.password);
    const page = await (await asOwner.get(`/admin/o/${owner.organizationSlug}`)).text();
    expect(page).toContain(`href="/admin/o/${owner.organizationSlug}/mail?status=sent">Envoyés : 3</a>`);
    expect(page).toContain('<strong>En échec : 1</strong>');

    const asProgram = await signedIn(t, program.email, program.password);
    const theirs = await (await asProgram.get(`/admin/o/${owner.organizationSlug}`)).text();
    expect(theirs).toContain('Programme');
    expect(theirs).not.toContain('/mail?status=');
  });
});
