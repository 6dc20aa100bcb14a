import { SPEAKER_INVITATION_TTL_HOURS, SpeakerView } from '@palabre/speakers';
import { FieldError, Localized, pick, ProblemDocument, renderPage, translate, translator } from '@palabre/platform';
import { formatMoment } from '../admin/format';
import { MergeSection } from './speaker-import-pages';
import { Csrf, EmailLanguageField, ErrorSummary, formFields, Notice, PostButton, TextAreaField, TextField, Panel, BackLink } from '../admin/forms';
import { DataTable } from '../admin/tables';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';
import { EventLayout, may } from './event-layout';
import { field, FormBody, localized } from './form-values';
import { Avatar, photoModel } from '../program/speaker-photo';

/** The page's longer texts, French then English. */
const TEXT = {
  inviteIntro: {
    fr: 'La personne reçoit un lien de connexion ({hours} heures, usage unique) vers son espace intervenant, où elle complète son profil.',
    en: 'They receive a sign-in link ({hours} hours, single use) to their speaker space, where they complete their profile.',
  },
  emailHint: { fr: 'Jamais publiée : pour les invitations et les changements de programme.', en: 'Never published: for invitations and programme changes.' },
} satisfies Record<string, Localized>;

export type SpeakersNotice = 'added' | 'saved' | 'invited' | 'already-invited' | 'merged';

export interface SpeakerFormValues {
  name: string;
  title: string;
  organization: string;
  bioFr: string;
  bioEn: string;
  email: string;
  phone: string;
  locale: string;
}

export function speakerFormValues(body: FormBody): SpeakerFormValues {
  const v = (name: string) => field(body, name);
  return {
    name: v('name'),
    title: v('title'),
    organization: v('organization'),
    bioFr: v('bioFr'),
    bioEn: v('bioEn'),
    email: v('email').trim(),
    phone: v('phone').trim(),
    locale: v('locale') || 'fr',
  };
}

/** The fields of a profile the public sees, as the organizers' and the speaker's own forms show them. */
export function publicProfileValues(s: Pick<SpeakerView, 'name' | 'title' | 'organization' | 'bio'>) {
  return { name: s.name, title: s.title, organization: s.organization, bioFr: s.bio.fr ?? '', bioEn: s.bio.en ?? '' };
}

export function speakerFormFromView(s: SpeakerView): SpeakerFormValues {
  return {
    ...publicProfileValues(s),
    email: s.email ?? '',
    phone: s.phone ?? '',
    locale: s.locale,
  };
}

/** The body of the speaker DTOs: an empty email or phone is none (`absent` for a creation, `null` to clear one). */
export function speakerBody(values: SpeakerFormValues, absent: null | undefined): { body: Record<string, unknown>; errors: FieldError[] } {
  return {
    body: {
      name: values.name,
      title: values.title.trim(),
      organization: values.organization.trim(),
      bio: localized(values.bioFr, values.bioEn),
      email: values.email === '' ? absent : values.email,
      phone: values.phone === '' ? absent : values.phone,
      locale: values.locale,
    },
    errors: [],
  };
}

/** `bio` is `{ fr, en }`: its errors go to the French input. */
export const speakerFormField = (f: string) => (f === 'bio' || f.startsWith('bio.') ? 'bioFr' : f);

const ids = (prefix: string) => ({
  name: `${prefix}-name`,
  title: `${prefix}-title`,
  organization: `${prefix}-organization`,
  bioFr: `${prefix}-bio-fr`,
  bioEn: `${prefix}-bio-en`,
  email: `${prefix}-email`,
  phone: `${prefix}-phone`,
  locale: `${prefix}-locale`,
});

function SpeakerFields(props: { ctx: OrganizerEventContext; prefix: string; values: SpeakerFormValues; problem?: ProblemDocument }) {
  const t = translator(props.ctx.locale);
  const field = formFields(ids(props.prefix), props.values, props.problem);
  return (
    <>
      <TextField {...field('name')} label={t('Nom', 'Name')} autocomplete="off" required />
      <TextField {...field('title')} label={t('Fonction (facultatif)', 'Job title (optional)')} autocomplete="off" />
      <TextField {...field('organization')} label={t('Organisation (facultatif)', 'Organization (optional)')} autocomplete="off" />
      <TextAreaField {...field('bioFr')} label={t('Biographie (français)', 'Biography (French)')} />
      <TextAreaField {...field('bioEn')} label={t('Biographie (anglais)', 'Biography (English)')} />
      <TextField
        {...field('email')}
        type="email"
        label={t('Adresse e-mail (privée)', 'Email address (private)')}
        hint={pick(TEXT.emailHint, props.ctx.locale)}
        autocomplete="off"
      />
      <TextField {...field('phone')} type="tel" label={t('Téléphone (privé)', 'Phone (private)')} autocomplete="off" />
      <EmailLanguageField {...field('locale')} locale={props.ctx.locale} />
    </>
  );
}

function notices(ctx: OrganizerEventContext): Record<SpeakersNotice, string> {
  const t = translator(ctx.locale);
  return {
    added: t('Intervenant·e ajouté·e.', 'Speaker added.'),
    saved: t('Profil enregistré.', 'Profile saved.'),
    invited: t('Invitation envoyée : un lien de connexion part par e-mail.', 'Invitation sent: a sign-in link is on its way by email.'),
    'already-invited': t("Déjà invité·e aujourd'hui : l'e-mail du jour reste valable.", "Already invited today: today's email still works."),
    merged: t('Fiches fusionnées : les sessions de l’autre fiche sont maintenant ici.', 'Profiles merged: the other profile’s sessions are now here.'),
  };
}

function InviteButton(props: { ctx: OrganizerEventContext; speaker: SpeakerView }) {
  const t = translator(props.ctx.locale);
  return (
    <PostButton action={eventPath(props.ctx, `/speakers/${props.speaker.id}/invite`)} csrf={props.ctx.csrf} kind="secondary">
      {t('Inviter', 'Invite')}
      <span class="visually-hidden"> {props.speaker.name}</span>
    </PostButton>
  );
}

function accountText(ctx: OrganizerEventContext, s: SpeakerView): string {
  const t = translator(ctx.locale);
  if (s.invitedAt) return t(`Invité·e le ${formatMoment(s.invitedAt, ctx.locale)}`, `Invited on ${formatMoment(s.invitedAt, ctx.locale)}`);
  if (s.userId) return t('Compte lié', 'Account linked');
  return t('Pas encore invité·e', 'Not invited yet');
}

/** `/admin/o/{org}/events/{slug}/speakers`: the event's speakers with their invitation state, and a form to add one. */
export function renderSpeakersPage(
  ctx: OrganizerEventContext,
  props: { speakers: SpeakerView[]; notice?: SpeakersNotice; add?: { values: SpeakerFormValues; problem: ProblemDocument }; problem?: ProblemDocument },
): string {
  const t = translator(ctx.locale);
  const editable = may(ctx, 'speakers:write');
  const empty: SpeakerFormValues = { name: '', title: '', organization: '', bioFr: '', bioEn: '', email: '', phone: '', locale: 'fr' };
  return renderPage(
    <EventLayout ctx={ctx} tab="speakers" title={t('Intervenants', 'Speakers')}>
      <h1>{t('Intervenants', 'Speakers')}</h1>
      {editable ? (
        <p>
          <a href={eventPath(ctx, '/speakers/import')}>{t('Importer un fichier CSV', 'Import a CSV file')}</a>
        </p>
      ) : null}
      <Notice text={props.notice ? notices(ctx)[props.notice] : undefined} />
      <ErrorSummary locale={ctx.locale} problem={props.problem} />
      <DataTable
        empty={t('Aucun·e intervenant·e pour l’instant.', 'No speaker yet.')}
        caption={t("Les intervenants de l'événement", 'The event’s speakers')}
        rows={props.speakers}
        columns={[
          {
            header: t('Nom', 'Name'),
            cell: (s) => (
              <>
                <a href={eventPath(ctx, `/speakers/${s.id}`)}>{s.name}</a>
                {s.title ? <span class="muted"> — {s.title}</span> : null}
              </>
            ),
          },
          { header: t('Organisation', 'Organization'), cell: (s) => s.organization },
          { header: t('Adresse e-mail', 'Email address'), cell: (s) => s.email ?? '—' },
          { header: t('Invitation', 'Invitation'), cell: (s) => accountText(ctx, s) },
          editable
            ? {
                header: t('Actions', 'Actions'),
                labelled: false,
                cell: (s) => (s.email ? <InviteButton ctx={ctx} speaker={s} /> : <span class="muted">{t('Sans e-mail', 'No email')}</span>),
              }
            : null,
        ]}
      />
      {editable ? (
        <Panel id="new-speaker" title={t('Ajouter un·e intervenant·e', 'Add a speaker')}>
          <ErrorSummary locale={ctx.locale} problem={props.add?.problem} ids={ids('new-speaker')} />
          <form method="post" action={eventPath(ctx, '/speakers')} novalidate class="pe-form">
            <Csrf token={ctx.csrf} />
            <SpeakerFields ctx={ctx} prefix="new-speaker" values={props.add?.values ?? empty} problem={props.add?.problem} />
            <button type="submit">{t("Ajouter l'intervenant·e", 'Add the speaker')}</button>
          </form>
        </Panel>
      ) : null}
    </EventLayout>,
  );
}

/** `/admin/o/{org}/events/{slug}/speakers/{id}`: one profile, editable with `speakers:write`. */
export function renderSpeakerPage(
  ctx: OrganizerEventContext,
  props: { speaker: SpeakerView; values: SpeakerFormValues; problem?: ProblemDocument; notice?: SpeakersNotice; others?: SpeakerView[] },
): string {
  const t = translator(ctx.locale);
  const editable = may(ctx, 'speakers:write');
  return renderPage(
    <EventLayout ctx={ctx} tab="speakers" title={props.speaker.name}>
      <BackLink href={eventPath(ctx, '/speakers')}>{t('← Tous les intervenants', '← All speakers')}</BackLink>
      <Avatar photo={photoModel(props.speaker.photo, t(`Photo de ${props.speaker.name}`, `Photo of ${props.speaker.name}`))} large />
      <h1>{props.speaker.name}</h1>
      <Notice text={props.notice ? notices(ctx)[props.notice] : undefined} />
      <p class="muted">{accountText(ctx, props.speaker)}</p>
      <ErrorSummary locale={ctx.locale} problem={props.problem} ids={ids('speaker')} />
      <form method="post" action={eventPath(ctx, `/speakers/${props.speaker.id}`)} novalidate class="pe-form">
        <Csrf token={ctx.csrf} />
        <fieldset disabled={!editable}>
          <legend>{t('Profil', 'Profile')}</legend>
          <SpeakerFields ctx={ctx} prefix="speaker" values={props.values} problem={props.problem} />
        </fieldset>
        {editable ? <button type="submit">{t('Enregistrer le profil', 'Save the profile')}</button> : null}
      </form>
      {editable && props.speaker.email ? (
        <Panel id="invite" title={t('Inviter', 'Invite')} intro={translate(TEXT.inviteIntro, ctx.locale, { hours: SPEAKER_INVITATION_TTL_HOURS })}>
          <InviteButton ctx={ctx} speaker={props.speaker} />
        </Panel>
      ) : null}
      {editable ? <MergeSection ctx={ctx} speaker={props.speaker} others={props.others ?? []} /> : null}
    </EventLayout>,
  );
}
