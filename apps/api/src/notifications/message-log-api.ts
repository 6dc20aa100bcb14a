import { Get, Inject, Param, Post, Query, Type } from '@nestjs/common';
import { ListMailQueryDto } from '@palabre/notifications';
import { ApiRoute } from '../common/api-route';
import { OrganizerContext, OrganizerOrganization } from '../common/organizer-organization';

/** A channel's log (mail, SMS): its page of messages, and a failed message queued again. */
interface MessageLog<L, E> {
  list(organizationId: string, query: ListMailQueryDto): Promise<L>;
  resend(organizationId: string, id: string): Promise<E>;
}

/** What one channel's routes say and answer: the log's service, each route's summary, response class and mapper. */
export interface MessageLogRoutes<L, E> {
  service: Type<MessageLog<L, E>>;
  list: { summary: string; ok: Type<unknown>; map: (log: L) => unknown };
  resend: { summary: string; accepted: Type<unknown>; map: (entry: E) => unknown };
}

/**
 * The two JSON routes of a channel's log (`mail:manage`), written once for mail and SMS: the
 * controller that extends it names the path, the tags and so the operations (`MailApiController_list`).
 */
export function MessageLogApi<L, E>(routes: MessageLogRoutes<L, E>) {
  class MessageLogApiRoutes {
    constructor(@Inject(routes.service) private readonly log: MessageLog<L, E>) {}

    @Get()
    @ApiRoute({ summary: routes.list.summary, permission: 'mail:manage', ok: routes.list.ok, problems: [400] })
    async list(@OrganizerOrganization() { organization }: OrganizerContext, @Query() query: ListMailQueryDto) {
      return routes.list.map(await this.log.list(organization.organizationId, query));
    }

    @Post(':id/resend')
    @ApiRoute({
      summary: routes.resend.summary,
      permission: 'mail:manage',
      accepted: { type: routes.resend.accepted, description: 'Queued again' },
      problems: [409],
    })
    async resend(@OrganizerOrganization() { organization }: OrganizerContext, @Param('id') id: string) {
      return routes.resend.map(await this.log.resend(organization.organizationId, id));
    }
  }
  return MessageLogApiRoutes;
}
