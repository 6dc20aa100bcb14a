import { Localized, pick, ProblemDocument, translator } from '@palabre/platform';
import { eventPath, OrganizerEventContext } from '../common/organizer-event';

/** The other session a conflict names (the problem's `conflictingSession` extension), if any. */
export function conflictingSession(problem: ProblemDocument | undefined): { id: string; title: Localized } | undefined {
  const other = problem?.conflictingSession as { id?: unknown; title?: unknown } | undefined;
  return other && typeof other.id === 'string' && other.title && typeof other.title === 'object'
    ? { id: other.id, title: other.title as Localized }
    : undefined;
}

/**
 * Under a refused form: the problem's detail (it names the other session, e.g. « La salle
 * « Salle 1 » est déjà prise par « Ouverture » le … ») and a link to that session.
 */
export function ConflictLink(props: { ctx: OrganizerEventContext; problem?: ProblemDocument }) {
  const t = translator(props.ctx.locale);
  const other = conflictingSession(props.problem);
  if (!other) return null;
  const title = pick(other.title, props.ctx.locale);
  return (
    <>
      {props.problem?.errors?.length && props.problem.detail ? <p>{props.problem.detail}</p> : null}
      <p>
        <a href={eventPath(props.ctx, `/program/sessions/${other.id}`)}>{t(`Ouvrir « ${title} »`, `Open "${title}"`)}</a>
      </p>
    </>
  );
}
