import type { PartnerArea, PartnerSessionsService } from '@palabre/partners';
import type { SessionView } from '@palabre/program';
import type { EventFiguresService } from '@palabre/reporting';

export type OwnSessionsView = { session: SessionView; attendance: { signedUp: number; checkedIn: number } | null }[];

/**
 * A partner's own sessions with their attendance: the counts come from the event's figures
 * (reporting's public face, over registration's aggregates), kept for these sessions only, so
 * a partner sees nothing of another's. Partners knows nothing of registration; the api joins them.
 */
export async function ownSessions(area: PartnerArea, sessions: PartnerSessionsService, figures: EventFiguresService): Promise<OwnSessionsView> {
  const own = await sessions.ofPartner(area);
  if (own.length === 0) return [];
  const counted = new Map((await figures.figures(area.event)).sessions.map((s) => [s.id, s]));
  return own.map((session) => {
    const c = counted.get(session.id);
    return { session, attendance: c && (c.signedUp > 0 || c.checkedIn > 0) ? { signedUp: c.signedUp, checkedIn: c.checkedIn } : null };
  });
}
