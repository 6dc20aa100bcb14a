import { Injectable } from '@nestjs/common';
import { AuditLog } from '@palabre/platform';
import { EventsService, EventView } from '@palabre/events';
import { SpeakerError, SpeakersService, SpeakerView } from '@palabre/speakers';
import { ProgramError } from '../program.errors';
import { conflictParams, overlaps } from '../sessions/schedule-rules';
import { SpeakerRolesRepository } from './speaker-roles.repository';

export interface MergedSpeakers {
  kept: SpeakerView;
  /** Roles moved from the removed profile, and roles dropped because the kept one already had a role on that session. */
  moved: number;
  dropped: number;
}

/**
 * Two profiles of one person become one (an import or two organizers typed them twice): the
 * kept profile takes the other's roles — on a session where both hold one, the kept role stays
 * and the other goes, so nobody holds two roles in one session — and fills its empty fields
 * from it; the other profile is deleted. One transaction under the event's program lock,
 * audited. Refused (SPEAKER_DOUBLE_BOOKED) when the merged person would be in two places at once.
 */
@Injectable()
export class MergeSpeakers {
  constructor(
    private readonly events: EventsService,
    private readonly speakers: SpeakersService,
    private readonly roles: SpeakerRolesRepository,
    private readonly audit: AuditLog,
  ) {}

  async execute(event: EventView, keptId: string, removedId: string, actorUserId: string | null): Promise<MergedSpeakers> {
    if (keptId.toLowerCase() === removedId.toLowerCase()) {
      throw new SpeakerError('SPEAKER_NOT_FOUND', {}, [{ field: 'otherId', message: { fr: 'Choisissez un autre profil.', en: 'Choose another profile.' } }]);
    }
    return this.events.changeProgram(event.organizationId, event.id, async (manager, fresh) => {
      const both = await this.speakers.findByIds(fresh.organizationId, fresh.id, [keptId, removedId], manager);
      if (both.length !== 2) throw new SpeakerError('SPEAKER_NOT_FOUND');
      const sessions = await this.roles.sessionsOf([keptId, removedId], manager);
      const live = sessions.filter((s) => s.status !== 'cancelled');
      const keptSessions = live.filter((s) => s.people.some((p) => p.speakerId === keptId));
      for (const s of live.filter((x) => x.people.some((p) => p.speakerId === removedId) && !x.people.some((p) => p.speakerId === keptId))) {
        const clash = keptSessions.find((k) => overlaps(k, s));
        if (clash) {
          throw new ProgramError(
            'SPEAKER_DOUBLE_BOOKED',
            { speaker: both.find((b) => b.id === keptId)!.name, ...conflictParams(clash, fresh.timeZone) },
            [{ field: 'otherId', message: { fr: `Déjà pris pendant « ${s.title.fr} ».`, en: `Already booked during "${s.title.en || s.title.fr}".` } }],
            { conflictingSessionId: clash.id, sessionId: s.id },
          );
        }
      }
      const { moved, dropped } = await this.roles.moveRoles(manager, removedId, keptId);
      const { kept, removed } = await this.speakers.mergeProfiles(manager, fresh.organizationId, fresh.id, keptId, removedId);
      await this.audit.record(manager, {
        organizationId: fresh.organizationId,
        actorUserId,
        action: 'speaker.merged',
        entityType: 'speaker',
        entityId: kept.id,
        changes: { removedId: removed.id, removedName: removed.name, removedEmail: removed.email, rolesMoved: moved, rolesDropped: dropped },
      });
      return { kept, moved, dropped };
    });
  }
}
