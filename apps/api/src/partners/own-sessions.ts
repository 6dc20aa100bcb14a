import { Injectable } from '@nestjs/common';
import { PartnerActor, PartnerArea, PartnerSessionsService, ProposeSessionDto } from '@palabre/partners';
import type { SessionView } from '@palabre/program';
import { EventFiguresService } from '@palabre/reporting';

export type OwnSessionsView = { session: SessionView; attendance: { signedUp: number; checkedIn: number } | null }[];

/**
 * A partner's own sessions, proposed and read with their attendance: the counts come from the
 * event's figures (reporting's public face, over registration's aggregates), kept for these
 * sessions only, so a partner sees nothing of another's. Partners knows nothing of
 * registration; the api joins them here.
 */
@Injectable()
export class OwnSessions {
  constructor(
    private readonly sessions: PartnerSessionsService,
    private readonly figures: EventFiguresService,
  ) {}

  async list(area: PartnerArea): Promise<OwnSessionsView> {
    const own = await this.sessions.ofPartner(area);
    if (own.length === 0) return [];
    const counted = new Map((await this.figures.figures(area.event)).sessions.map((s) => [s.id, s]));
    return own.map((session) => {
      const c = counted.get(session.id);
      return { session, attendance: c && (c.signedUp > 0 || c.checkedIn > 0) ? { signedUp: c.signedUp, checkedIn: c.checkedIn } : null };
    });
  }

  propose(area: PartnerArea, by: PartnerActor, dto: ProposeSessionDto): Promise<SessionView> {
    return this.sessions.propose(area, by, dto);
  }
}
