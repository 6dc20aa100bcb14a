import type { ComponentChildren } from 'preact';
import type { RoomView, TrackView } from '@palabre/events';
import { Localized, pick, ProblemDocument, renderPage, translator } from '@palabre/platform';
import { Csrf, ErrorSummary, fieldError, Notice, PostButton, TextField, Submit } from '../admin/forms';
import { ConflictLink } from './conflict';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';
import { EventLayout, EventTab, may } from './event-layout';
import { TrackSwatch } from './track-swatch';

/** The page's longer texts, French then English. */
const TEXT = {
  tracksIntro: {
    fr: 'Un parcours regroupe des sessions d’un même thème ; sa couleur les marque dans la grille.',
    en: 'A track groups sessions of one theme; its colour marks them in the grid.',
  },
} satisfies Record<string, Localized>;

export type ItemsNotice = 'added' | 'saved' | 'deleted';

/** A refused form of the page: which one (`new` or the item's id), what was typed, and why. */
export interface ItemForm {
  target: string;
  values: Record<string, string>;
  problem: ProblemDocument;
}

/** What a page of items shows: the items, the notice after a write, or the refused form. */
export interface ItemsPageProps<T> {
  items: T[];
  notice?: ItemsNotice;
  form?: ItemForm;
}

/** One input of an item's form; `id` ends the input's id (`room-{id}-{id}`, `new-room-{id}`). */
interface ItemField {
  name: string;
  id: string;
  label: string;
  required?: boolean;
  type?: string;
  min?: number;
  inputmode?: string;
}

/** What differs between the pages of a list of simple items (rooms, tracks): words, fields and how an item shows. */
interface ItemKind<T> {
  /** `room`: the page is `/rooms`, the inputs' ids start `room-…` and `new-room-…`. */
  kind: string;
  tab: EventTab;
  title: string;
  intro?: ComponentChildren;
  empty: string;
  addHeading: string;
  addButton: string;
  /** The inputs of an item's form, and of the form that adds one. */
  editFields: ItemField[];
  newFields: ItemField[];
  /** Problem fields that are not an input's name, mapped to the input that answers for them. */
  aliases?: Record<string, string>;
  blank: Record<string, string>;
  id(item: T): string;
  name(item: T): string;
  stored(item: T): Record<string, string>;
  swatch?(item: T): ComponentChildren;
  /** What a reader without `program:write` sees of the item. */
  details?(item: T): ComponentChildren;
}

function noticeText(ctx: OrganizerEventContext, notice: ItemsNotice | undefined): string | undefined {
  const t = translator(ctx.locale);
  if (!notice) return undefined;
  return { added: t('Ajouté.', 'Added.'), saved: t('Enregistré.', 'Saved.'), deleted: t('Supprimé.', 'Deleted.') }[notice];
}

/** The form's values for one row: what was typed when that row was refused, else the stored ones. */
function valuesFor(form: ItemForm | undefined, target: string, stored: Record<string, string>): { values: Record<string, string>; problem?: ProblemDocument } {
  return form?.target === target ? { values: form.values, problem: form.problem } : { values: stored };
}

/** The error summary's links: each problem field to its input's id. */
function fieldIds<T>(kind: ItemKind<T>, prefix: string): Record<string, string> {
  const ids: Record<string, string> = Object.fromEntries(kind.editFields.map((f) => [f.name, `${prefix}-${f.id}`]));
  for (const [alias, name] of Object.entries(kind.aliases ?? {})) ids[alias] = ids[name];
  return ids;
}

function ItemFields(props: { fields: ItemField[]; prefix: string; values: Record<string, string>; problem?: ProblemDocument }) {
  return (
    <>
      {props.fields.map(({ id, ...field }) => (
        <TextField {...field} id={`${props.prefix}-${id}`} value={props.values[field.name]} error={fieldError(props.problem, field.name)} />
      ))}
    </>
  );
}

/** The page of a list of simple items: each editable in place (or shown), a form to add one, and the refused form's errors. */
function ItemsPage<T>(props: ItemsPageProps<T> & { ctx: OrganizerEventContext; kind: ItemKind<T> }) {
  const { ctx, kind, form } = props;
  const t = translator(ctx.locale);
  const editable = may(ctx, 'program:write');
  const added = valuesFor(form, 'new', kind.blank);
  return (
    <EventLayout ctx={ctx} tab={kind.tab} title={kind.title}>
      <h1>{kind.title}</h1>
      {kind.intro}
      <Notice text={noticeText(ctx, props.notice)} />
      {form && form.target !== 'new' ? (
        <ErrorSummary locale={ctx.locale} problem={form.problem} ids={fieldIds(kind, `${kind.kind}-${form.target}`)}>
          <ConflictLink ctx={ctx} problem={form.problem} />
        </ErrorSummary>
      ) : null}
      {props.items.length === 0 ? <p class="muted">{kind.empty}</p> : null}
      <ul class="pe-items">
        {props.items.map((item) => {
          const id = kind.id(item);
          const name = kind.name(item);
          const path = eventPath(ctx, `/${kind.kind}s/${id}`);
          return (
            <li class="card">
              {kind.swatch?.(item)}
              {editable ? (
                <>
                  <form method="post" action={path} class="actions" novalidate>
                    <Csrf token={ctx.csrf} />
                    <ItemFields fields={kind.editFields} prefix={`${kind.kind}-${id}`} {...valuesFor(form, id, kind.stored(item))} />
                    <Submit kind="secondary">
                      {t('Enregistrer', 'Save')}
                      <span class="visually-hidden"> {name}</span>
                    </Submit>
                  </form>
                  <PostButton action={`${path}/delete`} csrf={ctx.csrf} kind="danger">
                    {t('Supprimer', 'Delete')}
                    <span class="visually-hidden"> {name}</span>
                  </PostButton>
                </>
              ) : (
                <p>
                  <strong>{name}</strong>
                  {kind.details?.(item)}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {editable ? (
        <section class="panel" aria-labelledby={`new-${kind.kind}-heading`}>
          <h2 id={`new-${kind.kind}-heading`}>{kind.addHeading}</h2>
          <ErrorSummary locale={ctx.locale} problem={added.problem} ids={fieldIds(kind, `new-${kind.kind}`)} />
          <form method="post" action={eventPath(ctx, `/${kind.kind}s`)} novalidate>
            <Csrf token={ctx.csrf} />
            <ItemFields fields={kind.newFields} prefix={`new-${kind.kind}`} {...added} />
            <button type="submit">{kind.addButton}</button>
          </form>
        </section>
      ) : null}
    </EventLayout>
  );
}

/** `/admin/o/{org}/events/{slug}/rooms`: the rooms, each editable in place, and a form to add one. */
export function renderRoomsPage(ctx: OrganizerEventContext, props: ItemsPageProps<RoomView>): string {
  const t = translator(ctx.locale);
  const name = { name: 'name', id: 'name', label: t('Nom de la salle', 'Room name'), required: true };
  const capacity = { name: 'capacity', id: 'capacity', type: 'number', min: 1, inputmode: 'numeric' };
  const rooms: ItemKind<RoomView> = {
    kind: 'room',
    tab: 'rooms',
    title: t('Salles', 'Rooms'),
    empty: t('Aucune salle pour l’instant.', 'No room yet.'),
    addHeading: t('Ajouter une salle', 'Add a room'),
    addButton: t('Ajouter la salle', 'Add the room'),
    editFields: [name, { ...capacity, label: t('Places', 'Seats') }],
    newFields: [name, { ...capacity, label: t('Places (facultatif)', 'Seats (optional)') }],
    blank: { name: '', capacity: '' },
    id: (room) => room.id,
    name: (room) => room.name,
    stored: (room) => ({ name: room.name, capacity: room.capacity === null ? '' : String(room.capacity) }),
    details: (room) => (room.capacity !== null ? ` — ${room.capacity} ${t('places', 'seats')}` : null),
  };
  return renderPage(<ItemsPage ctx={ctx} kind={rooms} {...props} />);
}

/** `/admin/o/{org}/events/{slug}/tracks`: the tracks with their colours, each editable in place, and a form to add one. */
export function renderTracksPage(ctx: OrganizerEventContext, props: ItemsPageProps<TrackView>): string {
  const t = translator(ctx.locale);
  const nameFr = { name: 'nameFr', id: 'name-fr', label: t('Nom (français)', 'Name (French)'), required: true };
  const colour = { name: 'colour', id: 'colour', type: 'color', label: t('Couleur', 'Colour') };
  const tracks: ItemKind<TrackView> = {
    kind: 'track',
    tab: 'tracks',
    title: t('Parcours', 'Tracks'),
    intro: <p class="muted">{pick(TEXT.tracksIntro, ctx.locale)}</p>,
    empty: t('Aucun parcours pour l’instant.', 'No track yet.'),
    addHeading: t('Ajouter un parcours', 'Add a track'),
    addButton: t('Ajouter le parcours', 'Add the track'),
    editFields: [nameFr, { name: 'nameEn', id: 'name-en', label: t('Nom (anglais)', 'Name (English)') }, colour],
    newFields: [nameFr, { name: 'nameEn', id: 'name-en', label: t('Nom (anglais, facultatif)', 'Name (English, optional)') }, { ...colour, required: true }],
    /** A track's `name` is `{ fr, en }`: its errors go to the French input. */
    aliases: { name: 'nameFr' },
    blank: { nameFr: '', nameEn: '', colour: '#1d6f42' },
    id: (track) => track.id,
    name: (track) => pick(track.name, ctx.locale),
    stored: (track) => ({ nameFr: track.name.fr, nameEn: track.name.en ?? '', colour: track.colour }),
    swatch: (track) => <TrackSwatch colour={track.colour} />,
  };
  return renderPage(<ItemsPage ctx={ctx} kind={tracks} {...props} />);
}
