import type { ComponentChildren } from 'preact';
import { Layout, Locale, Localized, pick, ProblemDocument, renderPage, translate, translator } from '@palabre/platform';
import { ErrorSummary, fieldError, SelectField, TextAreaField, TextField, Submit } from '../admin/forms';
import { colon } from '../program/public-labels';
import { eventNav } from '../program/public-parts';
import { fieldId, HONEYPOT, ParticipantField, RegistrationFormValues } from './registration-form';
import type {
  Categories,
  CheckEmailPageModel,
  CheckPhonePageModel,
  ConfirmStepModel,
  ErasedPageModel,
  EventHeader,
  Option,
  ParticipantPageModel,
  QuestionModel,
  RegistrationFormPageModel,
  WorkshopModel,
} from './registration-pages.model';

/** The page's longer texts, French then English. */
const TEXT = {
  emailHint: {
    fr: 'Votre lien personnel y sera envoyé. Pas d’e-mail ? Laissez vide et donnez votre téléphone : tout arrivera par SMS.',
    en: 'Your personal link is sent there. No email? Leave it empty and give your phone: everything comes by SMS.',
  },
  workshopsHint: {
    fr: 'Places limitées. Un atelier complet vous met sur sa liste d’attente. Deux ateliers à la même heure ne peuvent pas être choisis ensemble.',
    en: 'Limited seats. A full workshop puts you on its waiting list. Two workshops at the same time cannot be chosen together.',
  },
  fullJoinWaitlist: {
    fr: 'Inscrivez-vous quand même : vous rejoindrez la liste d’attente, par ordre d’arrivée.',
    en: 'Register all the same: you join the waiting list, first come, first served.',
  },
  defaultConsent: {
    fr: 'Vos données servent à organiser l’événement et à en établir les statistiques. Vous pouvez les consulter et les effacer à tout moment depuis votre lien personnel.',
    en: 'Your data is used to run the event and compile its figures. You can see and erase it at any time from your personal link.',
  },
  codeNotReceived: {
    fr: 'Rien reçu après quelques minutes ? Vérifiez le numéro et inscrivez-vous à nouveau avec le même : un nouveau code vous est envoyé.',
    en: 'Nothing after a few minutes? Check the number and register again with the same one: a new code is sent.',
  },
  opportunitiesLink: {
    fr: 'Emplois, stages, formations et appels à projets des partenaires du forum',
    en: 'Jobs, internships, trainings and calls for projects from the forum’s partners',
  },
  cancelled: {
    fr: 'Votre inscription est annulée et vos informations personnelles effacées. Votre lien ne fonctionne plus.',
    en: 'Your registration is cancelled and your personal details erased. Your link no longer works.',
  },
  confirmAfterSending: {
    fr: 'Après l’envoi, un e-mail (ou, sans e-mail, un SMS avec un code) vous demandera de confirmer votre inscription ; votre place est gardée {holdHours} heures.',
    en: 'Once sent, an email (or, without one, a text with a code) asks you to confirm your registration; your seat is held for {holdHours} hours.',
  },
  openEmailLink: {
    fr: 'Ouvrez le lien qu’il contient pour confirmer votre inscription : votre place est gardée {holdHours} heures. Ce lien vous permet aussi, plus tard, de voir votre billet, de choisir vos ateliers ou d’annuler.',
    en: 'Open the link it contains to confirm your registration: your seat is held for {holdHours} hours. The same link lets you see your ticket, choose workshops or cancel later.',
  },
  enterSmsCode: {
    fr: 'Il contient un code à six chiffres, valable {codeMinutes} minutes : entrez-le ci-dessous pour confirmer votre inscription (votre place est gardée {holdHours} heures). Vous pouvez aussi ouvrir le lien du SMS, qui vous permettra plus tard de voir votre billet ou d’annuler.',
    en: 'It holds a six-digit code, valid {codeMinutes} minutes: enter it below to confirm your registration (your seat is held for {holdHours} hours). You may also open the link in the text, which later lets you see your ticket or cancel.',
  },
} satisfies Record<string, Localized>;

/** The ids the error summary links to, by the problem's field names. */
function errorIds(problem: ProblemDocument | undefined): Record<string, string> {
  return Object.fromEntries((problem?.errors ?? []).map((e) => [e.field, fieldId(e.field)]));
}

/** Every error of fields that show at one place (a question, the workshops), in one sentence. */
function errorsAt(problem: ProblemDocument | undefined, id: string): string | undefined {
  const messages = (problem?.errors ?? []).filter((e) => fieldId(e.field) === id).map((e) => e.message);
  return messages.length > 0 ? [...new Set(messages)].join(' ') : undefined;
}

function EventLead(props: { event: EventHeader }) {
  return (
    <p class="lead">
      <a href={props.event.href}>{props.event.title}</a> · <time datetime={props.event.start}>{props.event.dates}</time>
    </p>
  );
}

const requiredLabel = (label: string, required: boolean, locale: Locale) =>
  required ? `${label} ${translator(locale)('(obligatoire)', '(required)')}` : label;

/** Radio buttons or checkboxes under a legend, with their error; the group is what an error links to. */
function ChoiceGroup(props: {
  id: string;
  legend: string;
  type: 'radio' | 'checkbox';
  name: string;
  options: Option[];
  checked: string[];
  required?: boolean;
  error?: string;
  hint?: string;
}) {
  const describedBy = [props.hint ? `${props.id}-hint` : '', props.error ? `${props.id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset class="choices" id={props.id} tabindex={-1} aria-describedby={describedBy} aria-invalid={props.error ? 'true' : undefined}>
      <legend>{props.legend}</legend>
      {props.hint ? (
        <p class="hint muted" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.options.map((o, i) => (
        <div class="field checkbox">
          <input
            type={props.type}
            id={`${props.id}-${i}`}
            name={props.name}
            value={o.value}
            checked={props.checked.includes(o.value)}
            required={props.type === 'radio' && props.required ? true : undefined}
          />
          <label for={`${props.id}-${i}`}>{o.label}</label>
        </div>
      ))}
      {props.error ? (
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      ) : null}
    </fieldset>
  );
}

function Question(props: { q: QuestionModel; values: RegistrationFormValues; problem?: ProblemDocument; locale: Locale }) {
  const { q, locale } = props;
  const t = translator(locale);
  const given = props.values.answers[q.id] ?? [];
  const error = errorsAt(props.problem, q.inputId);
  const label = requiredLabel(q.label, q.required, locale);
  switch (q.kind) {
    case 'text':
      return <TextAreaField id={q.inputId} name={q.name} label={label} value={given[0]} rows={2} required={q.required} error={error} />;
    case 'number':
      return <TextField id={q.inputId} name={q.name} label={label} value={given[0]} inputmode="decimal" required={q.required} error={error} />;
    case 'choice':
      return <ChoiceGroup id={q.inputId} legend={label} type="radio" name={q.name} options={q.choices} checked={given} required={q.required} error={error} />;
    case 'multi':
      return <ChoiceGroup id={q.inputId} legend={label} type="checkbox" name={q.name} options={q.choices} checked={given} error={error} />;
    case 'boolean':
      return (
        <ChoiceGroup
          id={q.inputId}
          legend={label}
          type="radio"
          name={q.name}
          options={[
            { value: 'yes', label: t('Oui', 'Yes') },
            { value: 'no', label: t('Non', 'No') },
          ]}
          checked={given}
          required={q.required}
          error={error}
        />
      );
  }
}

const phoneHint = (locale: Locale) =>
  translator(locale)('Par exemple 76 00 00 00. Obligatoire sans e-mail.', 'For example 76 00 00 00. Required without an email.');

/** The participant's details: the same fields on the registration form and the correction form (without the email there). */
function ParticipantFields(props: {
  locale: Locale;
  values: RegistrationFormValues;
  problem?: ProblemDocument;
  categories: Categories;
  withEmail: boolean;
  children?: ComponentChildren;
}) {
  const t = translator(props.locale);
  const f = (name: ParticipantField) => ({ id: name, name, value: props.values.fields[name], error: fieldError(props.problem, name) });
  const none = { value: '', label: t('— Choisir —', '— Choose —') };
  return (
    <>
      <TextField {...f('firstName')} label={requiredLabel(t('Prénom', 'First name'), true, props.locale)} autocomplete="given-name" required />
      <TextField {...f('lastName')} label={requiredLabel(t('Nom', 'Last name'), true, props.locale)} autocomplete="family-name" required />
      {props.withEmail ? (
        <TextField {...f('email')} type="email" label={t('Adresse e-mail', 'Email address')} hint={pick(TEXT.emailHint, props.locale)} autocomplete="email" />
      ) : null}
      <TextField {...f('phone')} type="tel" label={t('Téléphone', 'Phone')} hint={phoneHint(props.locale)} autocomplete="tel" />
      <TextField {...f('organization')} label={t('Organisation', 'Organization')} autocomplete="organization" />
      <SelectField {...f('organizationType')} label={t('Type d’organisation', 'Type of organization')} options={[none, ...props.categories.organizationType]} />
      <SelectField {...f('gender')} label={t('Genre', 'Gender')} options={[none, ...props.categories.gender]} />
      <SelectField {...f('ageGroup')} label={t('Tranche d’âge', 'Age group')} options={[none, ...props.categories.ageGroup]} />
      <TextField {...f('region')} label={t('Région', 'Region')} autocomplete="address-level1" />
      {props.children}
    </>
  );
}

/** When and where a workshop is, and its seats or the participant's standing in it. */
function workshopDetails(w: WorkshopModel) {
  return (
    <>
      {w.day}, <time datetime={w.start.iso}>{w.start.label}</time>–<time datetime={w.end.iso}>{w.end.label}</time>
      {w.room ? `, ${w.room}` : ''}
      {w.standing ? ` — ${w.standing}` : w.seats ? ` — ${w.seats}` : ''}
    </>
  );
}

function Workshops(props: { workshops: WorkshopModel[]; locale: Locale; problem?: ProblemDocument; legend: string }) {
  const error = errorsAt(props.problem, 'ateliers') ?? (props.problem?.code === 'WORKSHOPS_OVERLAP' ? props.problem.detail : undefined);
  return (
    <fieldset class="choices" id="ateliers" tabindex={-1} aria-describedby={error ? 'ateliers-hint ateliers-error' : 'ateliers-hint'}>
      <legend>{props.legend}</legend>
      <p class="hint muted" id="ateliers-hint">
        {pick(TEXT.workshopsHint, props.locale)}
      </p>
      {props.workshops.map((w, i) => (
        <div class="field checkbox">
          <input type="checkbox" id={`atelier-${i}`} name="sessionIds" value={w.id} checked={w.chosen} aria-describedby={`atelier-${i}-hint`} />
          <label for={`atelier-${i}`}>{w.title}</label>
          <p class="hint muted" id={`atelier-${i}-hint`}>
            {workshopDetails(w)}
          </p>
        </div>
      ))}
      {error ? (
        <p class="field-error" id="ateliers-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function renderRegistrationFormPage(m: RegistrationFormPageModel): string {
  const t = translator(m.locale);
  const title = `${t('Inscription', 'Registration')} — ${m.event.title}`;
  return renderPage(
    <Layout locale={m.locale} path={m.path} title={title} nav={eventNav(m.event.links, 'event')}>
      <h1>{t('Inscription', 'Registration')}</h1>
      <EventLead event={m.event} />
      {!m.open ? (
        <>
          <p class="notice" role="status">
            <strong>{m.closedText}</strong>
          </p>
          <p>
            <a href={m.event.href}>{t('Retour à l’événement', 'Back to the event')}</a>
          </p>
        </>
      ) : (
        <>
          {m.full ? (
            <p class="notice">
              <strong>{t('Complet : toutes les places sont prises.', 'Full: every seat is taken.')}</strong> {pick(TEXT.fullJoinWaitlist, m.locale)}
            </p>
          ) : m.seats ? (
            <p class="notice ok">{m.seats}</p>
          ) : null}
          {m.optIn ? <p>{translate(TEXT.confirmAfterSending, m.locale, { holdHours: m.holdHours })}</p> : null}
          <ErrorSummary locale={m.locale} problem={m.problem} ids={errorIds(m.problem)} />
          <form method="post" action={m.action} class="pe-form">
            <fieldset>
              <legend>{t('Vous', 'You')}</legend>
              <ParticipantFields locale={m.locale} values={m.values} problem={m.problem} categories={m.categories} withEmail />
            </fieldset>
            {m.questions.length > 0 ? (
              <fieldset>
                <legend>{t('Questions de l’organisation', 'The organizers’ questions')}</legend>
                {m.questions.map((q) => (
                  <Question q={q} values={m.values} problem={m.problem} locale={m.locale} />
                ))}
              </fieldset>
            ) : null}
            {m.workshops.length > 0 ? (
              <Workshops workshops={m.workshops} locale={m.locale} problem={m.problem} legend={t('Ateliers (facultatif)', 'Workshops (optional)')} />
            ) : null}
            <div class="visually-hidden" aria-hidden="true">
              <label for={HONEYPOT}>{t('Ne remplissez pas ce champ', 'Leave this field empty')}</label>
              <input type="text" id={HONEYPOT} name={HONEYPOT} value="" autocomplete="off" tabindex={-1} />
            </div>
            <fieldset>
              <legend>{t('Consentement', 'Consent')}</legend>
              {m.consent.length > 0 ? m.consent.map((p) => <p>{p}</p>) : <p>{pick(TEXT.defaultConsent, m.locale)}</p>}
              <div class="field checkbox">
                <input
                  type="checkbox"
                  id="consent"
                  name="consent"
                  value="yes"
                  checked={m.values.consent}
                  required
                  aria-invalid={fieldError(m.problem, 'consent') ? 'true' : undefined}
                  aria-describedby={fieldError(m.problem, 'consent') ? 'consent-error' : undefined}
                />
                <label for="consent">{requiredLabel(t('J’accepte', 'I agree'), true, m.locale)}</label>
                {fieldError(m.problem, 'consent') ? (
                  <p class="field-error" id="consent-error">
                    {t('Cochez la case pour vous inscrire.', 'Tick the box to register.')}
                  </p>
                ) : null}
              </div>
            </fieldset>
            <button type="submit">{t('S’inscrire', 'Register')}</button>
          </form>
        </>
      )}
    </Layout>,
  );
}

/** « Check your email » or « check your text messages »: the event, the message sent, and the way back. */
function CheckPage(props: { m: CheckEmailPageModel; heading: string; children: ComponentChildren }) {
  const { m } = props;
  const t = translator(m.locale);
  return (
    <Layout locale={m.locale} path={m.path} title={`${props.heading} — ${m.event.title}`} nav={eventNav(m.event.links, 'event')}>
      <h1>{props.heading}</h1>
      <EventLead event={m.event} />
      {props.children}
      <p>
        <a href={m.event.href}>{t('Retour à l’événement', 'Back to the event')}</a>
      </p>
    </Layout>
  );
}

export function renderCheckEmailPage(m: CheckEmailPageModel): string {
  const t = translator(m.locale);
  return renderPage(
    <CheckPage m={m} heading={t('Vérifiez vos e-mails', 'Check your email')}>
      <p class="notice ok" role="status">
        <strong>{t('Merci ! Un e-mail est en route.', 'Thank you! An email is on its way.')}</strong>
      </p>
      <p>{translate(TEXT.openEmailLink, m.locale, { holdHours: m.holdHours })}</p>
      <p class="muted">
        {t('Rien reçu après quelques minutes ? Regardez dans les courriers indésirables.', 'Nothing after a few minutes? Look in your spam folder.')}
      </p>
    </CheckPage>,
  );
}

/** After registering with a phone only: the code received by SMS, entered without JavaScript (or the text's link followed). */
export function renderCheckPhonePage(m: CheckPhonePageModel): string {
  const t = translator(m.locale);
  const error = fieldError(m.problem, 'code') ?? (m.problem && !m.problem.errors?.length ? m.problem.detail : undefined);
  return renderPage(
    <CheckPage m={m} heading={t('Vérifiez vos SMS', 'Check your text messages')}>
      {m.problem ? null : (
        <p class="notice ok" role="status">
          <strong>{t('Merci ! Un SMS est en route.', 'Thank you! A text message is on its way.')}</strong>
        </p>
      )}
      <p>{translate(TEXT.enterSmsCode, m.locale, { codeMinutes: m.codeMinutes, holdHours: m.holdHours })}</p>
      <form method="post" action={m.action} class="pe-form">
        <input type="hidden" name="verification" value={m.verificationId} />
        <TextField
          id="code"
          name="code"
          label={t('Code reçu par SMS', 'Code received by text message')}
          inputmode="numeric"
          autocomplete="one-time-code"
          required
          error={error}
        />
        <button type="submit">{t('Confirmer', 'Confirm')}</button>
      </form>
      <p class="muted">{pick(TEXT.codeNotReceived, m.locale)}</p>
    </CheckPage>,
  );
}

function SectionProblem(props: { m: ParticipantPageModel; section: string }) {
  const p = props.m.problem;
  if (!p || p.section !== props.section) return null;
  return <ErrorSummary locale={props.m.locale} problem={p.problem} ids={errorIds(p.problem)} />;
}

export function renderParticipantPage(m: ParticipantPageModel): string {
  const t = translator(m.locale);
  const detailsProblem = m.problem?.section === 'details' ? m.problem.problem : undefined;
  const workshopsProblem = m.problem?.section === 'workshops' ? m.problem.problem : undefined;
  return renderPage(
    <Layout locale={m.locale} path={m.path} title={`${t('Mon inscription', 'My registration')} — ${m.event.title}`} nav={eventNav(m.event.links, 'event')}>
      <h1>{t('Mon inscription', 'My registration')}</h1>
      <EventLead event={m.event} />
      {m.notice ? (
        <p class="notice ok" role="status">
          {m.notice}
        </p>
      ) : null}
      <section aria-labelledby="statut">
        <h2 id="statut">{t('Où en est mon inscription', 'Where my registration stands')}</h2>
        <SectionProblem m={m} section="status" />
        <p class={m.status === 'confirmed' ? 'notice ok' : 'notice'}>
          <strong>{m.statusText}</strong>
          {m.holdUntil ? (
            <>
              {' '}
              {t('jusqu’au', 'until')} <time datetime={m.holdUntil.iso}>{m.holdUntil.label}</time> ({t(`heure de ${m.zoneCity}`, `${m.zoneCity} time`)}).
            </>
          ) : null}
        </p>
        <p>
          {t('Référence', 'Reference')}
          {colon(m.locale)}
          <strong>{m.reference}</strong>
        </p>
        {m.canConfirm ? (
          <form method="post" action={m.actions.confirm}>
            <button type="submit">{t('Confirmer mon inscription', 'Confirm my registration')}</button>
          </form>
        ) : null}
      </section>
      {m.ticket ? (
        <section aria-labelledby="billet">
          <h2 id="billet">{t('Mon billet', 'My ticket')}</h2>
          <p>{t('Présentez ce code à l’entrée, sur votre téléphone ou imprimé.', 'Show this code at the door, on your phone or printed.')}</p>
          <figure class="ticket">
            <div
              role="img"
              aria-label={t(`Code QR du billet ${m.ticket.code}`, `QR code of ticket ${m.ticket.code}`)}
              dangerouslySetInnerHTML={{ __html: m.ticket.svg }}
            />
            <figcaption>
              {t('Code du billet', 'Ticket code')}
              {colon(m.locale)}
              <strong class="ticket-code">{m.ticket.code}</strong>
            </figcaption>
          </figure>
        </section>
      ) : null}
      {m.active && m.workshops.length > 0 ? (
        <section aria-labelledby="mes-ateliers">
          <h2 id="mes-ateliers">{t('Mes ateliers', 'My workshops')}</h2>
          <SectionProblem m={m} section="workshops" />
          <form method="post" action={m.actions.workshops}>
            <Workshops
              workshops={m.workshops}
              locale={m.locale}
              problem={workshopsProblem}
              legend={t('Les ateliers que je choisis', 'The workshops I choose')}
            />
            <button type="submit">{t('Enregistrer mes ateliers', 'Save my workshops')}</button>
          </form>
        </section>
      ) : null}
      {m.active ? (
        <section aria-labelledby="coordonnees">
          <h2 id="coordonnees">{t('Mes informations', 'My details')}</h2>
          <SectionProblem m={m} section="details" />
          {m.email ? (
            <p>
              {t('Adresse e-mail', 'Email address')}
              {colon(m.locale)}
              {m.email}
            </p>
          ) : null}
          <form method="post" action={m.actions.details} class="pe-form">
            <ParticipantFields locale={m.locale} values={m.values} problem={detailsProblem} categories={m.categories} withEmail={false} />
            {m.questions.map((q) => (
              <Question q={q} values={m.values} problem={detailsProblem} locale={m.locale} />
            ))}
            <Submit kind="secondary">{t('Enregistrer mes informations', 'Save my details')}</Submit>
          </form>
        </section>
      ) : null}
      <section aria-labelledby="opportunites">
        <h2 id="opportunites">{t('Offres des partenaires', 'Partners’ opportunities')}</h2>
        <p>
          <a href={m.event.links.opportunities}>{pick(TEXT.opportunitiesLink, m.locale)}</a>
        </p>
      </section>
      <section aria-labelledby="donnees">
        <h2 id="donnees">{t('Mon agenda et mes données', 'My calendar and my data')}</h2>
        <ul>
          <li>
            <a href={m.downloads.calendar}>{t('Ajouter à mon agenda (.ics)', 'Add to my calendar (.ics)')}</a>
          </li>
          <li>
            <a href={m.downloads.data}>{t('Télécharger mes données (JSON)', 'Download my data (JSON)')}</a>
          </li>
        </ul>
        {m.active ? (
          <p>
            <a href={m.actions.cancel}>{t('Annuler mon inscription', 'Cancel my registration')}</a>
          </p>
        ) : null}
        <p>
          <a href={m.actions.erase}>{t('Effacer mes données', 'Erase my data')}</a>
        </p>
      </section>
    </Layout>,
  );
}

export function renderConfirmStep(m: ConfirmStepModel): string {
  const t = translator(m.locale);
  return renderPage(
    <Layout locale={m.locale} path={m.path} title={`${m.heading} — ${m.event.title}`} nav={eventNav(m.event.links, 'event')}>
      <h1>{m.heading}</h1>
      <EventLead event={m.event} />
      <p>{m.text}</p>
      <form method="post" action={m.action}>
        <Submit kind="danger">{m.button}</Submit>
      </form>
      <p>
        <a href={m.back}>{t('Non, revenir à mon inscription', 'No, back to my registration')}</a>
      </p>
    </Layout>,
  );
}

export function renderErasedPage(m: ErasedPageModel): string {
  const t = translator(m.locale);
  return renderPage(
    <Layout locale={m.locale} path={m.path} title={`${t('Données effacées', 'Data erased')} — ${m.event.title}`} nav={eventNav(m.event.links, 'event')}>
      <h1>{t('Vos données sont effacées', 'Your data is erased')}</h1>
      <EventLead event={m.event} />
      <p class="notice ok" role="status">
        {pick(TEXT.cancelled, m.locale)}
      </p>
    </Layout>,
  );
}
