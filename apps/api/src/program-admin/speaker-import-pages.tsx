import { Localized, pick, ProblemDocument, renderPage, translate, translator } from '@palabre/platform';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS, ImportRow, SpeakerImportView, SpeakerView } from '@palabre/speakers';
import { Csrf, ErrorSummary, Notice, PostButton, TextAreaField, Panel, Submit, BackLink } from '../admin/forms';
import { DataTable } from '../admin/tables';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';
import { EventLayout } from './event-layout';

/** The page's longer texts, French then English. */
const TEXT = {
  importIntro: {
    fr: 'Rien n’est enregistré avant votre confirmation : vous verrez d’abord les erreurs de chaque ligne et les doublons trouvés.',
    en: 'Nothing is saved before you confirm: you will first see each row’s errors and the duplicates found.',
  },
  mergeIntro: {
    fr: 'Si une autre fiche décrit la même personne : ses sessions passent sur cette fiche (un seul rôle par session), ses champs complètent ceux qui sont vides ici, puis elle est supprimée.',
    en: 'If another profile describes the same person: its sessions move to this profile (one role per session), its fields fill the empty ones here, then it is deleted.',
  },
  pasteCsv: {
    fr: 'Collez le contenu d’un fichier CSV (UTF-8, séparé par des virgules ou des points-virgules, {maxRows} lignes au plus). La première ligne nomme les colonnes : ',
    en: 'Paste the content of a CSV file (UTF-8, separated by commas or semicolons, at most {maxRows} rows). The first line names the columns: ',
  },
} satisfies Record<string, Localized>;

/** `/admin/o/{org}/events/{slug}/speakers/import`: paste a CSV, see what it holds before anything is saved. */
export function renderImportPage(ctx: OrganizerEventContext, props: { csv: string; problem?: ProblemDocument; cancelled?: boolean }): string {
  const t = translator(ctx.locale);
  return renderPage(
    <EventLayout ctx={ctx} tab="speakers" title={t('Importer des intervenants', 'Import speakers')}>
      <BackLink href={eventPath(ctx, '/speakers')}>{t('← Tous les intervenants', '← All speakers')}</BackLink>
      <h1>{t('Importer des intervenants (CSV)', 'Import speakers (CSV)')}</h1>
      <Notice text={props.cancelled ? t('Import annulé : rien n’a été enregistré.', 'Import cancelled: nothing was saved.') : undefined} />
      <p>
        {translate(TEXT.pasteCsv, ctx.locale, { maxRows: IMPORT_MAX_ROWS })}
        <code>{IMPORT_COLUMNS.join(',')}</code>.{' '}
        {t('Seul « name » est obligatoire ; les langues s’écrivent en codes (fr en bm).', 'Only "name" is required; languages are codes (fr en bm).')}
      </p>
      <p class="muted">{pick(TEXT.importIntro, ctx.locale)}</p>
      <ErrorSummary locale={ctx.locale} problem={props.problem} ids={{ csv: 'import-csv' }} />
      <form method="post" action={eventPath(ctx, '/speakers/import')} novalidate>
        <Csrf token={ctx.csrf} />
        <TextAreaField
          id="import-csv"
          name="csv"
          rows={12}
          label={t('Contenu du fichier CSV', 'CSV file content')}
          value={props.csv}
          required
          error={props.problem?.errors?.find((e) => e.field === 'csv')?.message}
        />
        <button type="submit">{t('Prévisualiser', 'Preview')}</button>
      </form>
    </EventLayout>,
  );
}

function rowState(ctx: OrganizerEventContext, r: ImportRow): string {
  const t = translator(ctx.locale);
  if (r.errors.length > 0) return r.errors.map((e) => `${e.field} : ${pick(e.message, ctx.locale)}`).join(' ');
  if (r.duplicate) {
    const what = r.duplicate.kind === 'email' ? t('même adresse e-mail que', 'same email address as') : t('nom quasi identique à', 'near-identical name to');
    const whom =
      r.duplicate.line !== undefined
        ? t(`la ligne ${r.duplicate.line} (${r.duplicate.speakerName ?? ''})`, `line ${r.duplicate.line} (${r.duplicate.speakerName ?? ''})`)
        : t(`la fiche existante « ${r.duplicate.speakerName ?? ''} »`, `the existing profile "${r.duplicate.speakerName ?? ''}"`);
    return t(`Doublon : ${what} ${whom}. Non importée.`, `Duplicate: ${what} ${whom}. Not imported.`);
  }
  return t('À importer', 'To import');
}

/** `/admin/o/{org}/events/{slug}/speakers/import/{id}`: the stored preview, then commit or cancel. */
export function renderImportPreviewPage(ctx: OrganizerEventContext, imp: SpeakerImportView, problem?: ProblemDocument): string {
  const t = translator(ctx.locale);
  const open = imp.status === 'previewed';
  const statusText = {
    previewed: '',
    committed: t(`Import enregistré : ${imp.created ?? 0} fiche(s) créée(s).`, `Import saved: ${imp.created ?? 0} profile(s) created.`),
    cancelled: t('Import annulé : rien n’a été enregistré.', 'Import cancelled: nothing was saved.'),
    expired: t('Cette prévisualisation a expiré : importez le fichier à nouveau.', 'This preview has expired: import the file again.'),
  }[imp.status];
  return renderPage(
    <EventLayout ctx={ctx} tab="speakers" title={t('Prévisualisation de l’import', 'Import preview')}>
      <BackLink href={eventPath(ctx, '/speakers')}>{t('← Tous les intervenants', '← All speakers')}</BackLink>
      <h1>{t('Prévisualisation de l’import', 'Import preview')}</h1>
      <Notice text={statusText || undefined} />
      <ErrorSummary locale={ctx.locale} problem={problem} />
      <ul class="counts">
        <li>{t(`Lignes : ${imp.counts.rows}`, `Rows: ${imp.counts.rows}`)}</li>
        <li>
          <strong>{t(`À importer : ${imp.counts.valid}`, `To import: ${imp.counts.valid}`)}</strong>
        </li>
        <li>{t(`En erreur : ${imp.counts.errors}`, `With errors: ${imp.counts.errors}`)}</li>
        <li>{t(`Doublons : ${imp.counts.duplicates}`, `Duplicates: ${imp.counts.duplicates}`)}</li>
      </ul>
      <DataTable
        caption={t('Les lignes du fichier', 'The rows of the file')}
        rows={imp.rows}
        columns={[
          { header: t('Ligne', 'Line'), cell: (r) => String(r.line) },
          { header: t('Nom', 'Name'), cell: (r) => r.profile.name || '—' },
          { header: t('Organisation', 'Organization'), cell: (r) => r.profile.organization },
          { header: t('Adresse e-mail', 'Email address'), cell: (r) => r.profile.email ?? '—' },
          {
            header: t('État', 'State'),
            cell: (r) => <span class={r.errors.length || r.duplicate ? 'error' : undefined}>{rowState(ctx, r)}</span>,
          },
        ]}
      />
      {open ? (
        <p>
          <PostButton action={eventPath(ctx, `/speakers/import/${imp.id}/commit`)} csrf={ctx.csrf}>
            {t(`Enregistrer les ${imp.counts.valid} fiche(s)`, `Save the ${imp.counts.valid} profile(s)`)}
          </PostButton>{' '}
          <PostButton action={eventPath(ctx, `/speakers/import/${imp.id}/cancel`)} csrf={ctx.csrf} kind="secondary">
            {t('Annuler l’import', 'Cancel the import')}
          </PostButton>
        </p>
      ) : (
        <p>
          <a href={eventPath(ctx, '/speakers/import')}>{t('Importer un autre fichier', 'Import another file')}</a>
        </p>
      )}
    </EventLayout>,
  );
}

/** On a profile: fold another profile of the same person into this one. */
export function MergeSection(props: { ctx: OrganizerEventContext; speaker: SpeakerView; others: SpeakerView[] }) {
  const { ctx } = props;
  const t = translator(ctx.locale);
  const others = props.others.filter((o) => o.id !== props.speaker.id);
  if (others.length === 0) return null;
  return (
    <Panel id="merge" title={t('Fusionner un doublon', 'Merge a duplicate')} intro={pick(TEXT.mergeIntro, ctx.locale)}>
      <form method="post" action={eventPath(ctx, `/speakers/${props.speaker.id}/merge`)}>
        <Csrf token={ctx.csrf} />
        <p>
          <label for="merge-other">{t('Fiche à fusionner dans celle-ci', 'Profile to merge into this one')}</label>
          <select id="merge-other" name="otherId">
            {others.map((o) => (
              <option value={o.id}>
                {o.name}
                {o.email ? ` — ${o.email}` : ''}
              </option>
            ))}
          </select>
        </p>
        <Submit kind="secondary">{t('Fusionner', 'Merge')}</Submit>
      </form>
    </Panel>
  );
}
