import type { RoomView, TrackView } from '@palabre/events';
import { pick, ProblemDocument, renderPage, translator } from '@palabre/platform';
import { Csrf, ErrorSummary, fieldError, Notice, PostButton, TextField } from '../admin/forms';
import { ConflictLink } from './conflict';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';
import { EventLayout, may } from './event-layout';
import { TrackSwatch } from './track-swatch';

export type ItemsNotice = 'added' | 'saved' | 'deleted';

/** A refused form of the page: which one (`new` or the item's id), what was typed, and why. */
export interface ItemForm {
  target: string;
  values: Record<string, string>;
  problem: ProblemDocument;
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

/** `/admin/o/{org}/events/{slug}/rooms`: the rooms, each editable in place, and a form to add one. */
export function renderRoomsPage(ctx: OrganizerEventContext, props: { rooms: RoomView[]; notice?: ItemsNotice; form?: ItemForm }): string {
  const t = translator(ctx.locale);
  const editable = may(ctx, 'program:write');
  const added = valuesFor(props.form, 'new', { name: '', capacity: '' });
  return renderPage(
    <EventLayout ctx={ctx} tab="rooms" title={t('Salles', 'Rooms')}>
      <h1>{t('Salles', 'Rooms')}</h1>
      <Notice text={noticeText(ctx, props.notice)} />
      {props.form && props.form.target !== 'new' ? (
        <ErrorSummary
          locale={ctx.locale}
          problem={props.form.problem}
          ids={{ name: `room-${props.form.target}-name`, capacity: `room-${props.form.target}-capacity` }}
        >
          <ConflictLink ctx={ctx} problem={props.form.problem} />
        </ErrorSummary>
      ) : null}
      {props.rooms.length === 0 ? <p class="muted">{t('Aucune salle pour l’instant.', 'No room yet.')}</p> : null}
      <ul class="pe-items">
        {props.rooms.map((room) => {
          const { values, problem } = valuesFor(props.form, room.id, { name: room.name, capacity: room.capacity === null ? '' : String(room.capacity) });
          return (
            <li class="card">
              {editable ? (
                <>
                  <form method="post" action={eventPath(ctx, `/rooms/${room.id}`)} class="actions" novalidate>
                    <Csrf token={ctx.csrf} />
                    <TextField
                      id={`room-${room.id}-name`}
                      name="name"
                      label={t('Nom de la salle', 'Room name')}
                      value={values.name}
                      required
                      error={fieldError(problem, 'name')}
                    />
                    <TextField
                      id={`room-${room.id}-capacity`}
                      name="capacity"
                      type="number"
                      min={1}
                      inputmode="numeric"
                      label={t('Places', 'Seats')}
                      value={values.capacity}
                      error={fieldError(problem, 'capacity')}
                    />
                    <button type="submit" class="secondary">
                      {t('Enregistrer', 'Save')}
                      <span class="visually-hidden"> {room.name}</span>
                    </button>
                  </form>
                  <PostButton action={eventPath(ctx, `/rooms/${room.id}/delete`)} csrf={ctx.csrf} kind="danger">
                    {t('Supprimer', 'Delete')}
                    <span class="visually-hidden"> {room.name}</span>
                  </PostButton>
                </>
              ) : (
                <p>
                  <strong>{room.name}</strong>
                  {room.capacity !== null ? ` — ${room.capacity} ${t('places', 'seats')}` : null}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {editable ? (
        <section class="panel" aria-labelledby="new-room-heading">
          <h2 id="new-room-heading">{t('Ajouter une salle', 'Add a room')}</h2>
          <ErrorSummary locale={ctx.locale} problem={added.problem} ids={{ name: 'new-room-name', capacity: 'new-room-capacity' }} />
          <form method="post" action={eventPath(ctx, '/rooms')} novalidate>
            <Csrf token={ctx.csrf} />
            <TextField
              id="new-room-name"
              name="name"
              label={t('Nom de la salle', 'Room name')}
              value={added.values.name}
              required
              error={fieldError(added.problem, 'name')}
            />
            <TextField
              id="new-room-capacity"
              name="capacity"
              type="number"
              min={1}
              inputmode="numeric"
              label={t('Places (facultatif)', 'Seats (optional)')}
              value={added.values.capacity}
              error={fieldError(added.problem, 'capacity')}
            />
            <button type="submit">{t('Ajouter la salle', 'Add the room')}</button>
          </form>
        </section>
      ) : null}
    </EventLayout>,
  );
}

/** `/admin/o/{org}/events/{slug}/tracks`: the tracks with their colours, each editable in place, and a form to add one. */
export function renderTracksPage(ctx: OrganizerEventContext, props: { tracks: TrackView[]; notice?: ItemsNotice; form?: ItemForm }): string {
  const t = translator(ctx.locale);
  const editable = may(ctx, 'program:write');
  const added = valuesFor(props.form, 'new', { nameFr: '', nameEn: '', colour: '#1d6f42' });
  const ids = (p: string) => ({ nameFr: `${p}-name-fr`, name: `${p}-name-fr`, nameEn: `${p}-name-en`, colour: `${p}-colour` });
  return renderPage(
    <EventLayout ctx={ctx} tab="tracks" title={t('Parcours', 'Tracks')}>
      <h1>{t('Parcours', 'Tracks')}</h1>
      <p class="muted">
        {t(
          'Un parcours regroupe des sessions d’un même thème ; sa couleur les marque dans la grille.',
          'A track groups sessions of one theme; its colour marks them in the grid.',
        )}
      </p>
      <Notice text={noticeText(ctx, props.notice)} />
      {props.form && props.form.target !== 'new' ? (
        <ErrorSummary locale={ctx.locale} problem={props.form.problem} ids={ids(`track-${props.form.target}`)}>
          <ConflictLink ctx={ctx} problem={props.form.problem} />
        </ErrorSummary>
      ) : null}
      {props.tracks.length === 0 ? <p class="muted">{t('Aucun parcours pour l’instant.', 'No track yet.')}</p> : null}
      <ul class="pe-items">
        {props.tracks.map((track) => {
          const { values, problem } = valuesFor(props.form, track.id, { nameFr: track.name.fr, nameEn: track.name.en ?? '', colour: track.colour });
          const name = pick(track.name, ctx.locale);
          return (
            <li class="card">
              <TrackSwatch colour={track.colour} />
              {editable ? (
                <>
                  <form method="post" action={eventPath(ctx, `/tracks/${track.id}`)} class="actions" novalidate>
                    <Csrf token={ctx.csrf} />
                    <TextField
                      id={`track-${track.id}-name-fr`}
                      name="nameFr"
                      label={t('Nom (français)', 'Name (French)')}
                      value={values.nameFr}
                      required
                      error={fieldError(problem, 'nameFr')}
                    />
                    <TextField
                      id={`track-${track.id}-name-en`}
                      name="nameEn"
                      label={t('Nom (anglais)', 'Name (English)')}
                      value={values.nameEn}
                      error={fieldError(problem, 'nameEn')}
                    />
                    <TextField
                      id={`track-${track.id}-colour`}
                      name="colour"
                      type="color"
                      label={t('Couleur', 'Colour')}
                      value={values.colour}
                      error={fieldError(problem, 'colour')}
                    />
                    <button type="submit" class="secondary">
                      {t('Enregistrer', 'Save')}
                      <span class="visually-hidden"> {name}</span>
                    </button>
                  </form>
                  <PostButton action={eventPath(ctx, `/tracks/${track.id}/delete`)} csrf={ctx.csrf} kind="danger">
                    {t('Supprimer', 'Delete')}
                    <span class="visually-hidden"> {name}</span>
                  </PostButton>
                </>
              ) : (
                <p>
                  <strong>{name}</strong>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {editable ? (
        <section class="panel" aria-labelledby="new-track-heading">
          <h2 id="new-track-heading">{t('Ajouter un parcours', 'Add a track')}</h2>
          <ErrorSummary locale={ctx.locale} problem={added.problem} ids={ids('new-track')} />
          <form method="post" action={eventPath(ctx, '/tracks')} novalidate>
            <Csrf token={ctx.csrf} />
            <TextField
              id="new-track-name-fr"
              name="nameFr"
              label={t('Nom (français)', 'Name (French)')}
              value={added.values.nameFr}
              required
              error={fieldError(added.problem, 'nameFr')}
            />
            <TextField
              id="new-track-name-en"
              name="nameEn"
              label={t('Nom (anglais, facultatif)', 'Name (English, optional)')}
              value={added.values.nameEn}
              error={fieldError(added.problem, 'nameEn')}
            />
            <TextField
              id="new-track-colour"
              name="colour"
              type="color"
              label={t('Couleur', 'Colour')}
              value={added.values.colour}
              required
              error={fieldError(added.problem, 'colour')}
            />
            <button type="submit">{t('Ajouter le parcours', 'Add the track')}</button>
          </form>
        </section>
      ) : null}
    </EventLayout>,
  );
}
