import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, LocalizedText, LocalizedTextProperty, UuidProperty } from '@palabre/platform';
import { INDICATOR_KINDS, IndicatorDefinition, IndicatorKind, REGION_KEYS } from '../catalog/catalog';
import type { PartnerInvitation } from './invite-partner.usecase';
import type { PartnerCatalog, PartnerView, SectorView } from './partners.service';

/** The files of a logo, each size in WebP and JPEG. */
export function logoPaths(hash: string): { small: string; large: string } {
  return { small: `/media/logos/${hash}-96.webp`, large: `/media/logos/${hash}-320.webp` };
}

export class PartnerLogoResponse {
  @ApiProperty({ example: '/media/logos/3f2a…-96.webp' }) small: string;
  @ApiProperty({ example: '/media/logos/3f2a…-320.webp' }) large: string;
}

/** A partner of an event and its public profile. */
export class PartnerResponse {
  @UuidProperty() id: string;
  @ApiProperty({ description: 'Its address in the event’s pages: /e/{event}/partenaires/{slug}', example: 'sahel-emploi-jeunes' }) slug: string;
  @ApiProperty({ example: 'Sahel Emploi Jeunes' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: 'SEJ' }) acronym: string | null;
  @LocalizedTextProperty() mission: LocalizedText;
  @ApiProperty({ type: [String], description: 'Sector keys (see the event’s catalog)' }) sectors: string[];
  @ApiProperty({ type: [String], enum: REGION_KEYS, description: 'Regions of Mali where it works' }) regions: string[];
  @ApiProperty({ type: String, nullable: true }) website: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'email' }) contactEmail: string | null;
  @ApiProperty({ type: String, nullable: true }) contactPhone: string | null;
  @ApiProperty({ type: PartnerLogoResponse, nullable: true }) logo: PartnerLogoResponse | null;
  @DateTimeProperty() invitedAt: string;
}

export class PartnerInvitationResponse {
  @ApiProperty({ type: PartnerResponse }) partner: PartnerResponse;

  @ApiProperty({ enum: ['created', 'existing'], description: '`created`: the invitee becomes the new organization’s owner; `existing`: its owners were told' })
  organization: 'created' | 'existing';
}

export class SectorResponse {
  @ApiProperty({ example: 'health' }) key: string;
  @LocalizedTextProperty() label: LocalizedText;
  @ApiProperty({ description: 'Added by the forum (not one of the defaults)' }) custom: boolean;
}

export class IndicatorResponse {
  @ApiProperty({ example: 'employed' }) key: string;
  @LocalizedTextProperty() label: LocalizedText;
  @ApiProperty({ enum: INDICATOR_KINDS, description: '`count`: people; `percent`: a share (0–100) of `shareOf`' }) kind: IndicatorKind;
  @ApiProperty({ type: String, nullable: true, description: 'The sector its people were trained in' }) sector: string | null;
  @ApiProperty({ type: String, nullable: true }) shareOf: string | null;
}

export class PartnerCatalogResponse {
  @ApiProperty({ type: [SectorResponse] }) sectors: SectorResponse[];
  @ApiProperty({ type: [IndicatorResponse] }) indicators: IndicatorResponse[];
}

export function toPartnerResponse(p: PartnerView): PartnerResponse {
  const { eventId: _event, organizationId: _lead, partnerOrganizationId: _partner, logo, invitedAt, ...profile } = p;
  return { ...profile, logo: logo ? logoPaths(logo) : null, invitedAt: invitedAt.toISOString() };
}

export function toPartnerInvitationResponse(i: PartnerInvitation): PartnerInvitationResponse {
  return { partner: toPartnerResponse(i.partner), organization: i.organization };
}

export const toSectorResponse = (s: SectorView): SectorResponse => ({ key: s.key, label: s.label, custom: s.custom });

export const toIndicatorResponse = (i: IndicatorDefinition): IndicatorResponse => ({
  key: i.key,
  label: i.label,
  kind: i.kind,
  sector: i.sector,
  shareOf: i.shareOf,
});

export function toCatalogResponse(c: PartnerCatalog): PartnerCatalogResponse {
  return { sectors: c.sectors.map(toSectorResponse), indicators: c.indicators.map(toIndicatorResponse) };
}
