import { pick, ProblemDocument, renderPage, translator } from '@palabre/platform';
import { CheckboxField, CountField, Csrf, ErrorSummary, formFields, Notice, PostButton, TextAreaField, TextField } from '../admin/forms';
import { EventFormValues } from './event-form';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';
import { EventLayout, may } from './event-layout';

export type EventNotice = 'created' | 'saved' | 'published' | 'archived';

const SETTINGS_IDS = {
  titleFr: 'event-title-fr',
  titleEn: 'event-title-en',
  descriptionFr: 'event-description-fr',
  descriptionEn: 'event-description-en',
  startsAt: 'event-starts',
  endsAt: 'event-ends',
  timeZone: 'event-zone',
  venueName: 'event-venue',
  venueAddress: 'event-address',
  colour: 'event-colour',
  registrationOpensAt: 'event-opens',
  registrationClosesAt: 'event-closes',
  capacity: 'event-capacity',
  confirmEmail: 'event-confirm',
  holdHours: 'event-hold',
};

/** `/admin/o/{org}/events/{slug}`: the event's settings, publish and archive. Read-only without `event:write`. */
export function renderEventSettingsPage(
  ctx: OrganizerEventContext,
  props: { values: EventFormValues; problem?: ProblemDocument; notice?: EventNotice },
): string {
  const t = translator(ctx.locale);
  const { values, problem } = props;
  const field = formFields(SETTINGS_IDS, values, problem);
  const editable = may(ctx, 'event:write');
  const notices: Record<EventNotice, string> = {
    created: t(
      'Événement créé (brouillon). Complétez ses réglages, puis ajoutez salles, intervenants et sessions.',
      'Event created (draft). Complete its settings, then add rooms, speakers and sessions.',
    ),
    saved: t('Réglages enregistrés.', 'Settings saved.'),
    published: t("Événement publié : sa page et l'inscription sont ouvertes au public.", 'Event published: its page and registration are open to the public.'),
    archived: t('Événement archivé.', 'Event archived.'),
  };
  return renderPage(
    <EventLayout ctx={ctx} tab="settings" title={t('Réglages', 'Settings')}>
      <h1>{t("Réglages de l'événement", 'Event settings')}</h1>
      <Notice text={props.notice ? notices[props.notice] : undefined} />
      <p class="muted">
        {t('Adresse publique :', 'Public address:')} <code>/e/{ctx.event.slug}</code>
      </p>
      <ErrorSummary locale={ctx.locale} problem={problem} ids={SETTINGS_IDS} />
      <form method="post" action={eventPath(ctx)} novalidate class="pe-form">
        <Csrf token={ctx.csrf} />
        <fieldset disabled={!editable}>
          <legend>{t('Présentation', 'Presentation')}</legend>
          <TextField {...field('titleFr')} label={t('Titre (français)', 'Title (French)')} required />
          <TextField {...field('titleEn')} label={t('Titre (anglais)', 'Title (English)')} />
          <TextAreaField {...field('descriptionFr')} label={t('Description (français)', 'Description (French)')} />
          <TextAreaField {...field('descriptionEn')} label={t('Description (anglais)', 'Description (English)')} />
          <TextField {...field('colour')} type="color" label={t('Couleur', 'Colour')} />
        </fieldset>
        <fieldset disabled={!editable}>
          <legend>{t('Dates et lieu', 'Dates and venue')}</legend>
          <TextField
            {...field('timeZone')}
            label={t('Fuseau horaire', 'Time zone')}
            hint={t('Les dates ci-dessous sont dans ce fuseau (ex. Africa/Bamako).', 'The dates below are in this zone (e.g. Africa/Bamako).')}
            required
          />
          <TextField {...field('startsAt')} type="datetime-local" label={t('Début', 'Starts')} required />
          <TextField {...field('endsAt')} type="datetime-local" label={t('Fin', 'Ends')} required />
          <TextField {...field('venueName')} label={t('Lieu', 'Venue')} />
          <TextField {...field('venueAddress')} label={t('Adresse du lieu', 'Venue address')} />
        </fieldset>
        <fieldset disabled={!editable}>
          <legend>{t('Inscriptions', 'Registration')}</legend>
          <TextField
            {...field('registrationOpensAt')}
            type="datetime-local"
            label={t('Ouverture des inscriptions (facultatif)', 'Registration opens (optional)')}
          />
          <TextField
            {...field('registrationClosesAt')}
            type="datetime-local"
            label={t('Clôture des inscriptions (facultatif)', 'Registration closes (optional)')}
          />
          <CountField {...field('capacity')} label={t('Places (vide : sans limite)', 'Seats (empty: no limit)')} />
          <CheckboxField
            {...field('confirmEmail')}
            label={t('Confirmation par e-mail (double opt-in)', 'Confirmation by email (double opt-in)')}
            hint={t('La place est gardée jusqu’au clic sur le lien reçu.', 'The seat is held until the emailed link is clicked.')}
            checked={values.confirmEmail}
          />
          <CountField {...field('holdHours')} label={t('Durée de garde d’une place non confirmée (heures)', 'How long an unconfirmed seat is held (hours)')} />
        </fieldset>
        {editable ? <button type="submit">{t('Enregistrer les réglages', 'Save the settings')}</button> : null}
      </form>

      {editable ? (
        <section class="panel" aria-labelledby="status-heading">
          <h2 id="status-heading">{t('Publication de l’événement', 'Event status')}</h2>
          {ctx.event.status === 'draft' ? (
            <>
              <p>
                {t(
                  "Publier rend la page de l'événement visible et ouvre les inscriptions selon les dates ci-dessus. Le programme a ses propres versions (onglet Publication).",
                  "Publishing makes the event's page visible and opens registration as set above. The programme has its own releases (Releases tab).",
                )}
              </p>
              <PostButton action={eventPath(ctx, '/publish')} csrf={ctx.csrf}>
                {t("Publier l'événement", 'Publish the event')}
              </PostButton>
            </>
          ) : (
            <p>{t('L’événement est publié.', 'The event is published.')}</p>
          )}
          <p class="muted">
            {t(
              "Archiver retire l'événement de la liste publique et le fige ; ses pages restent.",
              'Archiving takes the event off the public list and freezes it; its pages remain.',
            )}
          </p>
          <PostButton action={eventPath(ctx, '/archive')} csrf={ctx.csrf} kind="danger">
            {t("Archiver l'événement", 'Archive the event')}
          </PostButton>
        </section>
      ) : null}
      {ctx.event.status !== 'draft' ? (
        <p>
          <a href={`/e/${ctx.event.slug}`}>{t('Voir la page publique', 'See the public page')}</a> ({pick(ctx.event.title, ctx.locale)})
        </p>
      ) : null}
    </EventLayout>,
  );
}
