import { Localized, pick, ProblemDocument, renderPage, translate, translator } from '@palabre/platform';
import type { OwnProfile, SpeakerLink, SpeakerPhoto } from '@palabre/speakers';
import { PHOTO_MAX_BYTES } from '@palabre/speakers';
import { programLinks } from '@palabre/program';
import { AdminContext } from '../admin/admin-context';
import { Csrf, ErrorSummary, fieldError, Notice, TextAreaField, TextField, Panel } from '../admin/forms';
import { formatDateRange } from '../home/format';
import { paragraphs } from '../program/public-common.model';
import { languageName } from '../program/public-labels';
import { Paragraphs } from '../program/public-parts';
import { Avatar, photoModel } from '../program/speaker-photo';
import { PortalLayout, portalPath } from './portal-layout';
import { publicProfileValues } from '../program-admin/speakers-pages';

/** The page's longer texts, French then English. */
const TEXT = {
  noProfile: {
    fr: 'Aucun profil d’intervenant n’est lié à votre compte. Les organisateurs d’un événement vous inviteront depuis leur liste d’intervenants.',
    en: 'No speaker profile is linked to your account. An event’s organizers invite you from their speakers list.',
  },
  profileSaved: {
    fr: 'Profil enregistré. Il paraîtra sur le site à la prochaine publication du programme.',
    en: 'Profile saved. It will show on the site with the next programme release.',
  },
  photoSaved: {
    fr: 'Photo enregistrée. Elle paraîtra sur le site à la prochaine publication du programme.',
    en: 'Photo saved. It will show on the site with the next programme release.',
  },
  photoHint: {
    fr: 'JPEG, PNG ou WebP, {megabytes} Mo au plus. Elle est recadrée en carré ; ses métadonnées (lieu, appareil) sont retirées.',
    en: 'JPEG, PNG or WebP, {megabytes} MB at most. It is cropped square; its metadata (place, camera) is removed.',
  },
} satisfies Record<string, Localized>;

export type PortalNotice = 'saved' | 'photo';

/** The languages offered as boxes to tick (a profile's other codes are kept and shown too). */
export const SUGGESTED_LANGUAGES = ['fr', 'en', 'ar', 'bm', 'ff', 'wo', 'snk', 'son', 'ha', 'pt', 'es'];
/** Link rows: the profile's, plus empty ones to add, up to the DTO's 10. */
const MAX_LINKS = 10;

export interface ProfileFormValues {
  name: string;
  title: string;
  organization: string;
  bioFr: string;
  bioEn: string;
  links: { title: string; url: string }[];
  languages: string[];
}

export function profileFormFromView(p: OwnProfile): ProfileFormValues {
  const s = p.speaker;
  return {
    ...publicProfileValues(s),
    links: s.links.map((l) => ({ title: l.title ?? '', url: l.url })),
    languages: s.languages,
  };
}

/** The form's field (and its input's id) of a DTO error: `bio.en` → `bioEn`, `links.2.url` → `linkUrl2`. */
export function profileFormField(field: string): string {
  if (field === 'bio.en') return 'bioEn';
  if (field === 'bio' || field.startsWith('bio.')) return 'bioFr';
  const link = /^links\.(\d+)(?:\.(url|title))?$/.exec(field);
  if (link) return `link${link[2] === 'title' ? 'Title' : 'Url'}${link[1]}`;
  if (field.startsWith('languages')) return 'languages';
  return field;
}

const inputId = (field: string) => `profile-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

// ——— the speaker's home ———

export function renderPortalHome(ctx: AdminContext, props: { profile: OwnProfile; chosen?: string; publicPage: string | null }): string {
  const t = translator(ctx.locale);
  const { speaker, event } = props.profile;
  const missing = [
    !speaker.bio.fr?.trim() ? t('la biographie en français', 'the French biography') : null,
    !speaker.bio.en?.trim() ? t('la biographie en anglais', 'the English biography') : null,
    !speaker.photo ? t('une photo', 'a photo') : null,
  ].filter((x): x is string => x !== null);
  return renderPage(
    <PortalLayout ctx={ctx} title={t('Accueil', 'Home')} section="home" eventSlug={props.chosen}>
      <h1>{t(`Bienvenue, ${speaker.name}`, `Welcome, ${speaker.name}`)}</h1>
      <p>
        {t('Vous intervenez à ', 'You are speaking at ')}
        <strong>{pick(event.title, ctx.locale)}</strong> ({formatDateRange(event.startsAt, event.endsAt, event.timeZone, ctx.locale)}).
      </p>
      <ul class="cards">
        <li class="card">
          <h2>
            <a href={portalPath('/intervenant/profil', props.chosen)}>{t('Mon profil', 'My profile')}</a>
          </h2>
          <p>
            {missing.length === 0
              ? t('Votre profil est complet. Relisez-le quand vous voulez.', 'Your profile is complete. Review it any time.')
              : t(`À compléter : ${missing.join(', ')}.`, `Still to add: ${missing.join(', ')}.`)}
          </p>
        </li>
        <li class="card">
          <h2>
            <a href="/intervenant/sessions">{t('Mes sessions', 'My sessions')}</a>
          </h2>
          <p>
            {t('Vos sessions : horaires, salles, rôles ; acceptez ou déclinez chacune.', 'Your sessions: times, rooms, roles; accept or decline each one.')}
          </p>
        </li>
      </ul>
      {props.publicPage ? (
        <p>
          <a href={props.publicPage}>{t('Voir la page publique des intervenants', 'See the public speakers page')}</a>
        </p>
      ) : null}
    </PortalLayout>,
  );
}

/** A speaker of several events picks one. */
export function renderEventChooser(ctx: AdminContext, profiles: OwnProfile[]): string {
  const t = translator(ctx.locale);
  return renderPage(
    <PortalLayout ctx={ctx} title={t('Vos événements', 'Your events')} section="home">
      <h1>{t('Vos événements', 'Your events')}</h1>
      <p>{t('Vous intervenez à plusieurs événements : choisissez-en un.', 'You speak at several events: choose one.')}</p>
      <ul class="cards">
        {profiles.map((p) => (
          <li class="card">
            <h2>
              <a href={portalPath('/intervenant', p.event.slug)}>{pick(p.event.title, ctx.locale)}</a>
            </h2>
            <p class="muted">{formatDateRange(p.event.startsAt, p.event.endsAt, p.event.timeZone, ctx.locale)}</p>
          </li>
        ))}
      </ul>
    </PortalLayout>,
  );
}

/** Signed in, but no profile is linked to the account (an organizer changed its address, say). */
export function renderNoProfile(ctx: AdminContext): string {
  const t = translator(ctx.locale);
  return renderPage(
    <PortalLayout ctx={ctx} title={t('Espace intervenant', 'Speaker space')}>
      <h1>{t('Espace intervenant', 'Speaker space')}</h1>
      <p>{pick(TEXT.noProfile, ctx.locale)}</p>
    </PortalLayout>,
  );
}

// ——— the profile ———

export interface ProfilePageProps {
  profile: OwnProfile;
  chosen?: string;
  values: ProfileFormValues;
  notice?: PortalNotice;
  problem?: ProblemDocument;
  photoProblem?: ProblemDocument;
  /** The values typed, shown as the public would see them (the « Prévisualiser » button). */
  preview?: boolean;
}

/**
 * `/intervenant/profil`: the form (name, title, organization, bios, links, languages), the
 * preview of the public profile — a submit button, so it works without JavaScript, and
 * saves nothing — and the photo form.
 */
export function renderProfilePage(ctx: AdminContext, props: ProfilePageProps): string {
  const t = translator(ctx.locale);
  const { values, problem } = props;
  const { speaker, event } = props.profile;
  const notices: Record<PortalNotice, string> = {
    saved: pick(TEXT.profileSaved, ctx.locale),
    photo: pick(TEXT.photoSaved, ctx.locale),
  };
  const f = (name: keyof Omit<ProfileFormValues, 'links' | 'languages'>) => ({
    id: inputId(name),
    name,
    value: values[name],
    error: fieldError(problem, name),
  });
  const ids: Record<string, string> = Object.fromEntries(
    [
      'name',
      'title',
      'organization',
      'bioFr',
      'bioEn',
      'languages',
      ...Array.from({ length: MAX_LINKS }, (_, i) => [`linkUrl${i}`, `linkTitle${i}`]).flat(),
    ].map((n) => [n, inputId(n)]),
  );
  const rows = Math.min(MAX_LINKS, Math.max(3, values.links.length + 1));
  const links = Array.from({ length: rows }, (_, i) => values.links[i] ?? { title: '', url: '' });
  const languages = [...SUGGESTED_LANGUAGES, ...values.languages.filter((l) => !SUGGESTED_LANGUAGES.includes(l))];
  const photo = photoModel(speaker.photo, t(`Photo de ${speaker.name}`, `Photo of ${speaker.name}`));
  return renderPage(
    <PortalLayout ctx={ctx} title={t('Mon profil', 'My profile')} section="profile" eventSlug={props.chosen}>
      <h1>{t('Mon profil', 'My profile')}</h1>
      <p class="muted">{pick(event.title, ctx.locale)}</p>
      <Notice text={props.notice ? notices[props.notice] : undefined} />
      <ErrorSummary locale={ctx.locale} problem={problem} ids={ids} />

      {props.preview && !problem ? (
        <section aria-labelledby="preview-heading" id="apercu">
          <h2 id="preview-heading">{t('Aperçu du profil public', 'Preview of the public profile')}</h2>
          <p class="notice" role="status">
            {t('Rien n’est encore enregistré : relisez, puis enregistrez.', 'Nothing is saved yet: review, then save.')}
          </p>
          <ul class="profiles">
            <PreviewCard ctx={ctx} values={values} photo={speaker.photo} lang="fr" />
            <PreviewCard ctx={ctx} values={values} photo={speaker.photo} lang="en" />
          </ul>
        </section>
      ) : null}

      <form method="post" action="/intervenant/profil" novalidate class="pe-form">
        <Csrf token={ctx.csrf} />
        {props.chosen ? <input type="hidden" name="evenement" value={props.chosen} /> : null}
        <TextField {...f('name')} label={t('Nom', 'Name')} autocomplete="name" required />
        <TextField {...f('title')} label={t('Fonction (facultatif)', 'Job title (optional)')} autocomplete="organization-title" />
        <TextField {...f('organization')} label={t('Organisation (facultatif)', 'Organization (optional)')} autocomplete="organization" />
        <TextAreaField
          {...f('bioFr')}
          rows={6}
          label={t('Biographie en français', 'Biography in French')}
          hint={t('Quelques phrases ; une ligne vide sépare les paragraphes.', 'A few sentences; an empty line separates paragraphs.')}
        />
        <TextAreaField
          {...f('bioEn')}
          rows={6}
          label={t('Biographie en anglais (facultatif)', 'Biography in English (optional)')}
          hint={t('Sans elle, la version française est montrée en anglais.', 'Without it, the French one is shown in English.')}
        />
        <fieldset id={ids.languages}>
          <legend>{t('Langues parlées', 'Languages spoken')}</legend>
          {fieldError(problem, 'languages') ? <p class="field-error">{fieldError(problem, 'languages')}</p> : null}
          <ul class="checks">
            {languages.map((code) => (
              <li class="field checkbox">
                <input type="checkbox" id={`profile-language-${code}`} name="languages" value={code} checked={values.languages.includes(code)} />
                <label for={`profile-language-${code}`}>{languageName(code, ctx.locale)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset>
          <legend>{t('Liens (site, réseaux)', 'Links (website, social media)')}</legend>
          {links.map((l, i) => (
            <div class="pe-link">
              <TextField
                id={ids[`linkUrl${i}`]}
                name={`linkUrl${i}`}
                type="url"
                value={l.url}
                error={fieldError(problem, `linkUrl${i}`)}
                label={t(`Adresse du lien ${i + 1}`, `Link ${i + 1} address`)}
                hint={i === 0 ? t('Commence par https://', 'Starts with https://') : undefined}
              />
              <TextField
                id={ids[`linkTitle${i}`]}
                name={`linkTitle${i}`}
                value={l.title}
                error={fieldError(problem, `linkTitle${i}`)}
                label={t(`Titre du lien ${i + 1} (facultatif)`, `Link ${i + 1} title (optional)`)}
              />
            </div>
          ))}
        </fieldset>
        <p class="actions">
          <button type="submit" name="action" value="save">
            {t('Enregistrer', 'Save')}
          </button>{' '}
          <button type="submit" name="action" value="preview" class="secondary">
            {t('Prévisualiser', 'Preview')}
          </button>
        </p>
      </form>

      <Panel id="photo" title={t('Photo', 'Photo')} plain>
        {photo ? <Avatar photo={photo} large /> : <p class="muted">{t('Pas encore de photo.', 'No photo yet.')}</p>}
        <ErrorSummary locale={ctx.locale} problem={props.photoProblem} ids={{ photo: 'profile-photo' }} />
        <form method="post" action="/intervenant/photo" enctype="multipart/form-data" class="pe-form">
          <Csrf token={ctx.csrf} />
          {props.chosen ? <input type="hidden" name="evenement" value={props.chosen} /> : null}
          <div class="field">
            <label for="profile-photo">{photo ? t('Remplacer la photo', 'Replace the photo') : t('Choisir une photo', 'Choose a photo')}</label>
            <p class="hint muted" id="profile-photo-hint">
              {translate(TEXT.photoHint, ctx.locale, { megabytes: PHOTO_MAX_BYTES / 1024 / 1024 })}
            </p>
            <input
              type="file"
              id="profile-photo"
              name="photo"
              accept="image/jpeg,image/png,image/webp"
              required
              aria-describedby="profile-photo-hint"
              aria-invalid={props.photoProblem ? 'true' : undefined}
            />
          </div>
          <button type="submit">{t('Envoyer la photo', 'Upload the photo')}</button>
        </form>
      </Panel>
    </PortalLayout>,
  );
}

/** The public card as the speakers page will show it, in one language (English falls back to French as there). */
function PreviewCard(props: { ctx: AdminContext; values: ProfileFormValues; photo: SpeakerPhoto | null; lang: 'fr' | 'en' }) {
  const { values, lang } = props;
  const t = translator(props.ctx.locale);
  const bio = { fr: values.bioFr.trim(), ...(values.bioEn.trim() ? { en: values.bioEn.trim() } : {}) };
  const links: SpeakerLink[] = values.links.filter((l) => l.url.trim()).map((l) => ({ url: l.url.trim(), title: l.title.trim() || undefined }));
  return (
    <li class="card" lang={lang}>
      <p class="muted">{lang === 'fr' ? t('En français', 'In French') : t('En anglais', 'In English')}</p>
      <Avatar photo={photoModel(props.photo, lang === 'fr' ? `Photo de ${values.name}` : `Photo of ${values.name}`)} />
      <h3>{values.name}</h3>
      {values.title || values.organization ? <p class="muted">{[values.title, values.organization].filter(Boolean).join(', ')}</p> : null}
      <Paragraphs text={paragraphs(pick(bio, lang))} />
      {values.languages.length > 0 ? <p>{values.languages.map((l) => languageName(l, lang)).join(', ')}</p> : null}
      {links.length > 0 ? (
        <ul class="links">
          {links.map((l) => (
            <li>
              <a href={l.url} rel="nofollow ugc noopener">
                {l.title || l.url}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/** The public page of the event's speakers, once it is published. */
export function publicSpeakersPage(p: OwnProfile): string | null {
  return p.event.status === 'draft' ? null : programLinks.speakers('', p.event.slug);
}
