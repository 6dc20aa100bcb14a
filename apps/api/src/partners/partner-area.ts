import { createParamDecorator, ExecutionContext, Injectable, PipeTransform } from '@nestjs/common';
import { ORGANIZATION_PARAM, requireOrganization } from '@palabre/platform';
import { PartnerArea, PartnersService } from '@palabre/partners';
import { declaredPermission, documentedParam, organizationPath, organizerContext, OrganizerContext } from '../common/organizer-organization';
import { EVENT_PARAM, Unresolved } from '../common/organizer-event';

/**
 * What every route of a partner's area works with: the organizer context in the partner's own
 * organization, and its partnership on the event (`{slug}`). The partnership is the partner
 * role's scope: a member of the partner organization reaches that event's partner area and
 * nothing else of the lead's.
 */
export interface PartnerContext extends OrganizerContext {
  area: PartnerArea;
}

/** `/admin/o/{org}/partenariats/{slug}`: a partner's area on one event. */
export function partnerPath(ctx: Pick<PartnerContext, 'organization'> & { area: { event: { slug: string } } }, rest = ''): string {
  return `${organizationPath(ctx.organization)}/partenariats/${ctx.area.event.slug}${rest}`;
}

/**
 * Resolves the partnership with the permission the route declared, in the organization of the
 * route's `{orgSlug}`: 404 outside it (another partner, the lead, a stranger), 403 for a role
 * without the permission, 404 when that organization is not a partner of the event.
 */
@Injectable()
export class PartnerAreaPipe implements PipeTransform<Unresolved, Promise<PartnerContext>> {
  constructor(private readonly partners: PartnersService) {}

  async transform({ req, reply, permission, page }: Unresolved): Promise<PartnerContext> {
    const params = req.params as Record<string, string>;
    const organization = requireOrganization(req.actor!, params[ORGANIZATION_PARAM], permission);
    const area = await this.partners.area(organization.organizationId, params[EVENT_PARAM]);
    return { ...organizerContext(req, reply, organization, page, partnerPath({ organization, area })), area };
  }
}

const unresolved = createParamDecorator(
  (page: string | undefined, ctx: ExecutionContext): Unresolved => {
    const http = ctx.switchToHttp();
    return { req: http.getRequest(), reply: http.getResponse(), permission: declaredPermission(ctx, '@PartnerEvent()'), page };
  },
  [documentedParam(ORGANIZATION_PARAM), documentedParam(EVENT_PARAM)],
);

/** The partnership of a partner route (`/api/v1/organizations/:orgSlug/partnerships/:slug/…`, `/admin/o/:orgSlug/partenariats/:slug/…`). */
export const PartnerEvent = (page?: string): ParameterDecorator => unresolved(page, PartnerAreaPipe);
