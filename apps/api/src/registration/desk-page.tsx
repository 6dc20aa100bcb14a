import { asset, dateFormat, Locale, Localized, packageAsset, pick, ProblemDocument, renderPage, translate, translator } from '@palabre/platform';
import type { CheckInConflict, RosterEntry, ScanResult } from '@palabre/registration';
import type { ReleasedSession } from '@palabre/program';
import { AdminLayout } from '../admin/admin-layout';
import { Csrf, ErrorSummary, formFields, TextField, Submit } from '../admin/forms';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';

/** The page's longer texts, French then English. */
const TEXT = {
  noCamera: {
    fr: 'Caméra indisponible sur ce navigateur : tapez le code ou utilisez une douchette.',
    en: 'Camera unavailable in this browser: type the code or use a handheld scanner.',
  },
  walkInHint: {
    fr: "Les places restent comptées : si l'événement est complet, la personne va sur la liste d'attente. Un e-mail ou un téléphone.",
    en: 'Seats still count: when the event is full, the person joins the waiting list. An email or a phone.',
  },
  alreadyIn: {
    fr: "Entré·e à {at}, {door}. Vérifiez que c'est bien la même personne.",
    en: 'Came in at {at}, {door}. Check it is the same person.',
  },
} satisfies Record<string, Localized>;

/** The desk's script (scan, offline roster and queue, camera) and its service worker, served from our own assets. */
export const DESK_SCRIPT = asset('desk.js');
export const DESK_WORKER = asset('desk-sw.js');
export const DESK_ICON = asset('desk-icon.svg');
/** The QR decoder for browsers without BarcodeDetector (jsQR, Apache-2.0), loaded by desk.js only where needed. */
export const QR_DECODER = packageAsset('jsqr/dist/jsQR.js');

/** The entrance, or one released session's door. */
export interface Door {
  /** `entrance`, or the session's id. */
  value: string;
  label: string;
  /** A workshop: only those signed up to it go in. */
  workshop: boolean;
}

/** What the desk answers after a scan, a search pick or a walk-in. */
export interface DeskAnswer {
  result: ScanResult | 'walk_in_waitlisted';
  name: string | null;
  code: string;
  /** For « already »: the first check-in at this door. */
  checkedInAt: Date | null;
}

export interface DeskPageProps {
  doors: Door[];
  door: Door;
  answer?: DeskAnswer;
  /** A refused form (the code, the walk-in) with what was typed. */
  problem?: ProblemDocument;
  form?: 'scan' | 'walk-in';
  values?: Record<string, string>;
  /** The name searched (no JavaScript) and what it found. */
  query?: string;
  found?: RosterEntry[];
  /** For owners and admins: tickets let in twice in a way worth a look. */
  conflicts?: CheckInConflict[];
  /** People let in at this door so far. */
  checkedIn: number;
  /** The server's clock, so an offline scan is dated by it even on a phone set to the wrong time. */
  now: Date;
}

/** A tone per answer: the colour tells at a glance whether the person goes in. */
const TONE: Record<DeskAnswer['result'], 'go' | 'again' | 'stop'> = {
  welcome: 'go',
  already: 'again',
  cancelled: 'stop',
  waitlisted: 'stop',
  walk_in_waitlisted: 'stop',
  pending: 'stop',
  not_signed_up: 'stop',
  unknown: 'stop',
};

export function doorLabel(doors: Door[], value: string, locale: Locale): string {
  return doors.find((d) => d.value === value)?.label ?? (value === 'entrance' ? translator(locale)('Entrée', 'Entrance') : value);
}

export function sessionDoors(sessions: ReleasedSession[], timeZone: string, locale: Locale): Door[] {
  const t = translator(locale);
  const time = dateFormat(locale, timeZone, { weekday: 'short', hour: '2-digit', minute: '2-digit' });
  return [
    { value: 'entrance', label: t("Entrée de l'événement", 'Event entrance'), workshop: false },
    ...sessions
      .filter((s) => s.status !== 'cancelled' && s.type !== 'break')
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id))
      .map((s) => ({
        value: s.id,
        label: `${time.format(new Date(s.startsAt))} · ${pick(s.title, locale)}${s.room ? ` (${s.room.name})` : ''}`,
        workshop: s.capacity !== null,
      })),
  ];
}

/** The big coloured answer: who, and whether they go in. */
function Answer(props: { ctx: OrganizerEventContext; answer: DeskAnswer; door: Door }) {
  const { answer, ctx } = props;
  const t = translator(ctx.locale);
  const name = answer.name ?? '';
  const at = answer.checkedInAt ? dateFormat(ctx.locale, ctx.event.timeZone, { hour: '2-digit', minute: '2-digit' }).format(answer.checkedInAt) : '';
  const [title, detail] = ((): [string, string] => {
    switch (answer.result) {
      case 'welcome':
        return [t(`Bienvenue, ${name}`, `Welcome, ${name}`), t('Enregistré·e : la personne peut entrer.', 'Checked in: they may go in.')];
      case 'already':
        return [t(`Déjà enregistré·e : ${name}`, `Already checked in: ${name}`), translate(TEXT.alreadyIn, ctx.locale, { at, door: props.door.label })];
      case 'cancelled':
        return [
          t(`Inscription annulée : ${name}`, `Registration cancelled: ${name}`),
          t('Ce billet ne permet pas d’entrer.', 'This ticket does not let anyone in.'),
        ];
      case 'waitlisted':
        return [
          t(`Sur liste d'attente : ${name}`, `On the waiting list: ${name}`),
          t("Pas encore de place pour cette personne : elle n'entre pas.", 'No seat for this person yet: they do not go in.'),
        ];
      case 'walk_in_waitlisted':
        return [
          t(`Ajouté·e sur liste d'attente : ${name}`, `Added to the waiting list: ${name}`),
          t("L'événement est complet : la personne n'est pas enregistrée à l'entrée.", 'The event is full: the person is not checked in.'),
        ];
      case 'pending':
        return [
          t(`Inscription non confirmée : ${name}`, `Registration not confirmed: ${name}`),
          t('La personne doit d’abord confirmer par le lien reçu par e-mail.', 'They must first confirm with the link they were emailed.'),
        ];
      case 'not_signed_up':
        return [
          t(`Pas inscrit·e à cette session : ${name}`, `Not signed up to this session: ${name}`),
          t('Cet atelier demande une inscription : la personne n’en a pas.', 'This workshop needs a sign-up: the person has none.'),
        ];
      case 'unknown':
        return [t('Billet inconnu', 'Unknown ticket'), t(`Aucun billet ${answer.code} pour cet événement.`, `No ticket ${answer.code} for this event.`)];
    }
  })();
  return (
    <section class={`desk-answer desk-${TONE[answer.result]}`} id="desk-answer" role="alert" aria-labelledby="desk-answer-title" data-result={answer.result}>
      <h2 id="desk-answer-title">{title}</h2>
      <p>{detail}</p>
    </section>
  );
}

const WALK_IN_IDS = { firstName: 'walk-first', lastName: 'walk-last', email: 'walk-email', phone: 'walk-phone', organization: 'walk-org' };

export function renderDeskPage(ctx: OrganizerEventContext, props: DeskPageProps): string {
  const t = translator(ctx.locale);
  const base = eventPath(ctx, '/accueil');
  const title = pick(ctx.event.title, ctx.locale);
  const sessionId = props.door.value === 'entrance' ? '' : props.door.value;
  const walk = formFields(WALK_IN_IDS, props.form === 'walk-in' ? (props.values ?? {}) : {}, props.form === 'walk-in' ? props.problem : undefined);
  const scanProblem = props.form === 'scan' ? props.problem : undefined;
  const codeError = scanProblem?.errors?.find((e) => e.field === 'code' || e.field === 'door')?.message;
  return renderPage(
    <AdminLayout
      ctx={ctx}
      title={`${t('Accueil', 'Desk')} — ${title}`}
      section="events"
      scripts={[DESK_SCRIPT]}
      head={<link rel="manifest" href={`${base}.webmanifest`} />}
    >
      <div
        class="desk"
        id="desk"
        data-event={ctx.event.id}
        data-api={`/api/v1/events/${ctx.event.slug}/check-ins`}
        data-page={base}
        data-worker={`${base}-sw.js`}
        data-csrf={ctx.csrf}
        data-door={sessionId}
        data-door-label={props.door.label}
        data-workshop={props.door.workshop ? 'true' : undefined}
        data-time-zone={ctx.event.timeZone}
        data-now={props.now.toISOString()}
      >
        <h1>
          {t('Accueil', 'Desk')} <span class="muted">— {title}</span>
        </h1>
        <p class="desk-net" id="desk-net" role="status" hidden></p>

        <form method="get" action={base} class="desk-door">
          <div class="field">
            <label for="desk-door">{t('Porte', 'Door')}</label>
            <select id="desk-door" name="door">
              {props.doors.map((d) => (
                <option value={d.value} selected={d.value === props.door.value}>
                  {d.label}
                </option>
              ))}
            </select>
          </div>
          <Submit kind="secondary">{t('Choisir', 'Choose')}</Submit>
        </form>

        <p class="desk-count">
          {t('Entrées enregistrées à cette porte : ', 'Checked in at this door: ')}
          <strong id="desk-count">{props.checkedIn}</strong>
        </p>

        <div id="desk-answer-slot" aria-live="polite">
          {props.answer ? <Answer ctx={ctx} answer={props.answer} door={props.door} /> : null}
        </div>

        <form method="post" action={base} class="desk-scan" id="desk-scan" novalidate>
          <Csrf token={ctx.csrf} />
          <input type="hidden" name="door" value={props.door.value} />
          {scanProblem && !codeError ? <ErrorSummary locale={ctx.locale} problem={scanProblem} /> : null}
          <div class="field">
            <label for="desk-code">{t('Code du billet', 'Ticket code')}</label>
            <p class="hint muted" id="desk-code-hint">
              {t('Scannez le QR, ou tapez le code puis Entrée.', 'Scan the QR, or type the code then Enter.')}
            </p>
            <input
              id="desk-code"
              name="code"
              type="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              autofocus
              value={props.form === 'scan' && props.problem ? (props.values?.code ?? '') : ''}
              aria-invalid={codeError ? 'true' : undefined}
              aria-describedby={codeError ? 'desk-code-hint desk-code-error' : 'desk-code-hint'}
            />
            {codeError ? (
              <p class="field-error" id="desk-code-error">
                {codeError}
              </p>
            ) : null}
          </div>
          <button type="submit">{t('Valider', 'Check in')}</button>
          <p class="desk-camera" id="desk-camera" data-qr-decoder={QR_DECODER} hidden>
            <button type="button" class="secondary" id="desk-camera-start">
              {t('Scanner avec la caméra', 'Scan with the camera')}
            </button>
            <video id="desk-video" muted playsinline hidden></video>
          </p>
          <p class="muted" id="desk-camera-none" hidden>
            {pick(TEXT.noCamera, ctx.locale)}
          </p>
        </form>

        <form method="get" action={base} class="desk-search" id="desk-search" role="search">
          <input type="hidden" name="door" value={props.door.value} />
          <div class="field">
            <label for="desk-q">{t('Chercher un nom', 'Search a name')}</label>
            <input id="desk-q" name="q" type="search" autocomplete="off" value={props.query ?? ''} />
          </div>
          <Submit kind="secondary">{t('Chercher', 'Search')}</Submit>
        </form>
        <div id="desk-found">
          {props.found ? (
            props.found.length === 0 ? (
              <p>{t('Personne à ce nom.', 'Nobody by that name.')}</p>
            ) : (
              <ul class="desk-found">
                {props.found.map((e) => (
                  <li>
                    <form method="post" action={base} class="inline">
                      <Csrf token={ctx.csrf} />
                      <input type="hidden" name="door" value={props.door.value} />
                      <input type="hidden" name="code" value={e.ticketCode} />
                      <Submit kind="secondary">
                        {e.name} <span class="muted">· {e.reference}</span>
                      </Submit>
                    </form>
                  </li>
                ))}
              </ul>
            )
          ) : null}
        </div>

        <details class="desk-walk-in" open={props.form === 'walk-in' ? true : undefined}>
          <summary>{t('Ajouter une personne venue sans inscription', 'Add someone who came without registering')}</summary>
          <form method="post" action={`${base}/walk-in`} id="desk-walk-in">
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="door" value={props.door.value} />
            <ErrorSummary locale={ctx.locale} problem={props.form === 'walk-in' ? props.problem : undefined} ids={WALK_IN_IDS} />
            <p class="hint muted">{pick(TEXT.walkInHint, ctx.locale)}</p>
            <TextField {...walk('firstName')} label={t('Prénom', 'First name')} required autocomplete="off" />
            <TextField {...walk('lastName')} label={t('Nom', 'Last name')} required autocomplete="off" />
            <TextField {...walk('email')} type="email" label={t('E-mail (facultatif)', 'Email (optional)')} autocomplete="off" />
            <TextField {...walk('phone')} type="tel" label={t('Téléphone (facultatif)', 'Phone (optional)')} autocomplete="off" />
            <TextField {...walk('organization')} label={t('Organisation (facultatif)', 'Organization (optional)')} autocomplete="off" />
            <button type="submit">{t('Ajouter et enregistrer', 'Add and check in')}</button>
          </form>
        </details>

        {props.conflicts ? <Conflicts ctx={ctx} conflicts={props.conflicts} doors={props.doors} /> : null}
      </div>
    </AdminLayout>,
  );
}

/** For owners and admins: the same ticket let in at two session doors, or at the entrance by two desks, close together. */
function Conflicts(props: { ctx: OrganizerEventContext; conflicts: CheckInConflict[]; doors: Door[] }) {
  const { ctx } = props;
  const t = translator(ctx.locale);
  const time = dateFormat(ctx.locale, ctx.event.timeZone, { hour: '2-digit', minute: '2-digit' });
  const where = (door: string, device: string | null) => {
    const label = doorLabel(props.doors, door === 'entrance' ? 'entrance' : door.replace(/^session:/, ''), ctx.locale);
    return device ? `${label} (${t('appareil', 'device')} ${device.slice(0, 8)})` : label;
  };
  return (
    <section class="desk-conflicts" aria-labelledby="desk-conflicts-title">
      <h2 id="desk-conflicts-title">{t('Billets à vérifier', 'Tickets to check')}</h2>
      {props.conflicts.length === 0 ? (
        <p class="muted">{t('Aucun billet passé deux fois de façon suspecte.', 'No ticket let in twice in a suspicious way.')}</p>
      ) : (
        <ul>
          {props.conflicts.map((c) => (
            <li>
              <strong>{c.name || c.reference}</strong> <span class="muted">({c.reference})</span> :{' '}
              {`${where(c.first.door, c.first.deviceId)} ${time.format(c.first.scannedAt)} / ${where(c.second.door, c.second.deviceId)} ${time.format(c.second.scannedAt)}`}
              {t(', même billet', ', same ticket')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
