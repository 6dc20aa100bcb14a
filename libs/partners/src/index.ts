export * from './partners.module';
export { PARTNER_ERRORS, PartnerError } from './partners.errors';
export type { PartnerErrorCode } from './partners.errors';
export {
  DEFAULT_SECTORS,
  DEFAULT_INDICATORS,
  MALI_REGIONS,
  REGION_KEYS,
  regionLabel,
  OPPORTUNITY_KINDS,
  OPPORTUNITY_KIND_LABELS,
  INDICATOR_KINDS,
  FIGURES_STATUSES,
  FIGURES_STATUS_LABELS,
} from './catalog/catalog';
export type { OpportunityKind, IndicatorKind, IndicatorDefinition, FiguresStatus } from './catalog/catalog';
export { PartnersService, keyOf } from './partners/partners.service';
export type { PartnerView, PartnerArea, SectorView, PartnerCatalog, PartnerActor } from './partners/partners.service';
export { InvitePartner } from './partners/invite-partner.usecase';
export type { PartnerInvitation, LeadActor } from './partners/invite-partner.usecase';
export { InvitePartnerDto, UpdatePartnerProfileDto, AddSectorDto, AddIndicatorDto } from './partners/partner.dto';
export { FigureValueDto, SaveFiguresDto, SendBackFiguresDto, ImpactQueryDto } from './figures/figures.dto';
export { CreateOpportunityDto, LeaveContactDto } from './opportunities/opportunity.dto';
export { ProposeSessionDto, PROPOSED_SESSION_TYPES } from './sessions/proposal.dto';
export { FiguresService, FIRST_YEAR, LAST_YEAR } from './figures/figures.service';
export type { FiguresView, ReviewedFiguresView, ReviewDecision } from './figures/figures.service';
export type { FigureValue } from './figures/figures.entity';
export { computeImpact } from './figures/impact';
export type { Impact, IndicatorTotal, ImpactHeadline, SectorImpact, RegionImpact, AcceptedSubmission } from './figures/impact';
export { OpportunitiesService, contactConsentText } from './opportunities/opportunities.service';
export type { OpportunityView, BoardOpportunityView, OwnOpportunityView, InterestView, BoardFilter } from './opportunities/opportunities.service';
export { PartnerSessionsService } from './sessions/partner-sessions.service';
export * from './partners/partner.response';
export * from './figures/figures.response';
export * from './opportunities/opportunity.response';
export { impactCsv } from './figures/impact-csv';
export { PartnerSeeding } from './partners/partner-seeding';
export type { PlantedPartner } from './partners/partner-seeding';
