import { Locale, Localized, pick, ProblemDocument, renderPage, translate, translator } from '@palabre/platform';
import { QUESTION_KINDS, QuestionKind } from '@palabre/events';
import {
  CheckboxField,
  CountField,
  Csrf,
  ErrorSummary,
  fieldError,
  formFields,
  Notice,
  Panel,
  PostButton,
  SelectField,
  TextAreaField,
  TextField,
} from '../admin/forms';
import { EventFormValues, QuestionFormRow, SPARE_QUESTION_ROWS } from './event-form';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';
import { EventLayout, may } from './event-layout';

/** The page's longer texts, French then English. */
const TEXT = {
  choicesHint: {
    fr: 'Pour « un choix » ou « plusieurs choix » : « code: Libellé | English label » ; sans code, il est tiré du libellé.',
    en: 'For “one choice” or “several choices”: “code: Libellé | English label”; without a code, one is made from the label.',
  },
  codeHint: {
    fr: 'Tiré de l’intitulé s’il est vide ; ne le changez plus une fois des réponses reçues.',
    en: 'Made from the label when empty; keep it once answers came in.',
  },
  created: {
    fr: 'Événement créé (brouillon). Complétez ses réglages, puis ajoutez salles, intervenants et sessions.',
    en: 'Event created (draft). Complete its settings, then add rooms, speakers and sessions.',
  },
  consentHint: {
    fr: 'Ce que la personne accepte en s’inscrivant (usage de ses données) ; il est gardé avec chaque inscription.',
    en: 'What people agree to when registering (use of their data); it is kept with each registration.',
  },
  publishHint: {
    fr: "Publier rend la page de l'événement visible et ouvre les inscriptions selon les dates ci-dessus. Le programme a ses propres versions (onglet Publication).",
    en: "Publishing makes the event's page visible and opens registration as set above. The programme has its own releases (Releases tab).",
  },
  archiveHint: {
    fr: "Archiver retire l'événement de la liste publique et le fige ; ses pages restent.",
    en: 'Archiving takes the event off the public list and freezes it; its pages remain.',
  },
  questionRows: {
    fr: 'Chaque ligne vide ajoute une question ({rows} à la fois ; enregistrez pour en ajouter d’autres). Videz l’intitulé et les choix pour retirer une question.',
    en: 'Each blank row adds a question ({rows} at a time; save to add more). Empty the label and the choices to remove a question.',
  },
} satisfies Record<string, Localized>;

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
  consentFr: 'event-consent-fr',
  consentEn: 'event-consent-en',
};

const QUESTION_KIND_LABELS: Record<QuestionKind, { fr: string; en: string }> = {
  text: { fr: 'Texte libre', en: 'Free text' },
  choice: { fr: 'Un choix parmi la liste', en: 'One choice from the list' },
  multi: { fr: 'Plusieurs choix', en: 'Several choices' },
  boolean: { fr: 'Oui / non', en: 'Yes / no' },
  number: { fr: 'Nombre', en: 'Number' },
};

const questionIds = (i: number) => ({
  [`questions.${i}.id`]: `event-q${i}-id`,
  [`questions.${i}.labelFr`]: `event-q${i}-label-fr`,
  [`questions.${i}.labelEn`]: `event-q${i}-label-en`,
  [`questions.${i}.kind`]: `event-q${i}-kind`,
  [`questions.${i}.required`]: `event-q${i}-required`,
  [`questions.${i}.choices`]: `event-q${i}-choices`,
});

/** One question's row: its code, labels, kind, whether required, and its choices one a line. */
function QuestionRow(props: { i: number; row: QuestionFormRow; locale: Locale; problem?: ProblemDocument }) {
  const { i, row, problem } = props;
  const t = translator(props.locale);
  const ids = questionIds(i);
  const f = (name: keyof QuestionFormRow) => ({
    id: ids[`questions.${i}.${name}`],
    name: `questions.${i}.${name}`,
    error: fieldError(problem, `questions.${i}.${name}`),
  });
  return (
    <fieldset class="card">
      <legend>{row.labelFr ? t(`Question ${i + 1}`, `Question ${i + 1}`) : t(`Nouvelle question (${i + 1})`, `New question (${i + 1})`)}</legend>
      <TextField {...f('labelFr')} value={row.labelFr} label={t('Intitulé (français)', 'Label (French)')} />
      <TextField {...f('labelEn')} value={row.labelEn} label={t('Intitulé (anglais)', 'Label (English)')} />
      <SelectField
        {...f('kind')}
        value={row.kind}
        label={t('Type de réponse', 'Kind of answer')}
        options={QUESTION_KINDS.map((k) => ({ value: k, label: pick(QUESTION_KIND_LABELS[k], props.locale) }))}
      />
      <CheckboxField {...f('required')} checked={row.required} label={t('Réponse obligatoire', 'Answer required')} />
      <TextAreaField
        {...f('choices')}
        value={row.choices}
        rows={3}
        label={t('Choix (un par ligne)', 'Choices (one a line)')}
        hint={pick(TEXT.choicesHint, props.locale)}
      />
      <TextField {...f('id')} value={row.id} label={t('Code (facultatif)', 'Code (optional)')} hint={pick(TEXT.codeHint, props.locale)} />
    </fieldset>
  );
}

/** `/admin/o/{org}/events/{slug}`: the event's settings, publish and archive. Read-only without `event:write`. */
export function renderEventSettingsPage(
  ctx: OrganizerEventContext,
  props: { values: EventFormValues; problem?: ProblemDocument; notice?: EventNotice },
): string {
  const t = translator(ctx.locale);
  const { values, problem } = props;
  const field = formFields(SETTINGS_IDS, values, problem);
  const rows = [
    ...values.questions,
    ...Array.from({ length: SPARE_QUESTION_ROWS }, (): QuestionFormRow => ({ id: '', labelFr: '', labelEn: '', kind: 'text', required: false, choices: '' })),
  ];
  const ids: Record<string, string> = { ...SETTINGS_IDS, questions: 'event-questions', ...Object.assign({}, ...rows.map((_, i) => questionIds(i))) };
  const editable = may(ctx, 'event:write');
  const notices: Record<EventNotice, string> = {
    created: pick(TEXT.created, ctx.locale),
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
      <ErrorSummary locale={ctx.locale} problem={problem} ids={ids} />
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
          <TextAreaField
            {...field('consentFr')}
            label={t('Texte de consentement (français)', 'Consent text (French)')}
            hint={pick(TEXT.consentHint, ctx.locale)}
          />
          <TextAreaField {...field('consentEn')} label={t('Texte de consentement (anglais)', 'Consent text (English)')} />
        </fieldset>
        <fieldset disabled={!editable} id="event-questions">
          <legend>{t('Questions du formulaire d’inscription', 'Registration form questions')}</legend>
          <p class="hint muted">{translate(TEXT.questionRows, ctx.locale, { rows: SPARE_QUESTION_ROWS })}</p>
          {rows.map((row, i) => (
            <QuestionRow i={i} row={row} locale={ctx.locale} problem={problem} />
          ))}
        </fieldset>
        {editable ? <button type="submit">{t('Enregistrer les réglages', 'Save the settings')}</button> : null}
      </form>

      {editable ? (
        <Panel id="status" title={t('Publication de l’événement', 'Event status')}>
          {ctx.event.status === 'draft' ? (
            <>
              <p>{pick(TEXT.publishHint, ctx.locale)}</p>
              <PostButton action={eventPath(ctx, '/publish')} csrf={ctx.csrf}>
                {t("Publier l'événement", 'Publish the event')}
              </PostButton>
            </>
          ) : (
            <p>{t('L’événement est publié.', 'The event is published.')}</p>
          )}
          <p class="muted">{pick(TEXT.archiveHint, ctx.locale)}</p>
          <PostButton action={eventPath(ctx, '/archive')} csrf={ctx.csrf} kind="danger">
            {t("Archiver l'événement", 'Archive the event')}
          </PostButton>
        </Panel>
      ) : null}
      {ctx.event.status !== 'draft' ? (
        <p>
          <a href={`/e/${ctx.event.slug}`}>{t('Voir la page publique', 'See the public page')}</a> ({pick(ctx.event.title, ctx.locale)})
        </p>
      ) : null}
    </EventLayout>,
  );
}
