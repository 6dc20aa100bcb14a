import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import {
  CheckInBatchDto,
  CheckInBatchResponse,
  CheckInConflictsResponse,
  CheckInDto,
  CheckInResponse,
  CheckInsService,
  CONFLICT_WINDOW_MINUTES,
  RosterQueryDto,
  RosterResponse,
  toCheckInResponse,
  toConflictsResponse,
  toRosterResponse,
} from '@palabre/registration';
import { OrganizerEvent, OrganizerEventContext } from '../common/organizer-event';
import { ApiRoute } from '../common/api-route';

/** Check-in at the doors (api.md): one scan, a desk's offline queue, and the roster it works from. */
@ApiTags('organizer: check-in')
@ApiBearerAuth()
@Controller('api/v1/events/:slug/check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @Post()
  @ApiRoute({
    summary: 'Checks a ticket in at the entrance or a session’s door; scanning it again is recorded and answers « already »',
    permission: 'checkin:write',
    ok: CheckInResponse,
    problems: [400],
  })
  async scan(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Body() dto: CheckInDto) {
    return toCheckInResponse(await this.checkIns.scan(event, { code: dto.code, sessionId: dto.sessionId }, actor.userId));
  }

  @Post('batch')
  @ApiRoute({
    summary: 'A desk’s offline queue: one result per scan; a nonce applies once, and the scan time is kept',
    permission: 'checkin:write',
    ok: CheckInBatchResponse,
    problems: [400],
  })
  async batch(@OrganizerEvent() { event, actor }: OrganizerEventContext, @Body() dto: CheckInBatchDto) {
    const scans = dto.scans.map((s) => ({ code: s.code, sessionId: s.sessionId, nonce: s.nonce, scannedAt: new Date(s.scannedAt) }));
    const results = await this.checkIns.batch(event, dto.deviceId, scans, actor.userId);
    return { results: results.map((r) => ({ ...toCheckInResponse(r), nonce: r.nonce, replayed: r.replayed })) };
  }

  @Get('roster')
  @ApiRoute({ summary: 'The tickets a desk checks offline; with `since`, only what changed', permission: 'checkin:write', ok: RosterResponse, problems: [400] })
  async roster(@OrganizerEvent() { event }: OrganizerEventContext, @Query() query: RosterQueryDto) {
    return toRosterResponse(await this.checkIns.roster(event, query.since ?? null));
  }

  @Get('conflicts')
  @ApiRoute({
    summary: 'Tickets that look shared: let in at two session doors, or scanned at the entrance by two desks, a few minutes apart (owners and admins)',
    permission: 'registrations:write',
    ok: CheckInConflictsResponse,
  })
  async conflicts(@OrganizerEvent() { event }: OrganizerEventContext) {
    return toConflictsResponse(await this.checkIns.conflicts(event), CONFLICT_WINDOW_MINUTES);
  }
}
