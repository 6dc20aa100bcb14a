import { ApiProperty } from '@nestjs/swagger';
import { DateTimeProperty, IntegerProperty, UuidProperty } from '@palabre/platform';
import { OPPORTUNITY_KINDS, OpportunityKind, REGION_KEYS } from '../catalog/catalog';
import type { InterestView, OwnOpportunityView } from './opportunities.service';

/** One of a partner's opportunities, as the partner sees it. */
export class OpportunityResponse {
  @UuidProperty() id: string;
  @IntegerProperty({ description: 'Its page on the board: /e/{slug}/opportunites/{number}' }) number: number;
  @ApiProperty({ enum: OPPORTUNITY_KINDS }) kind: OpportunityKind;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: REGION_KEYS }) region: string;
  @ApiProperty({ type: String, nullable: true }) sector: string | null;
  @ApiProperty({ format: 'date', description: 'Last day to apply, in the event’s time zone' }) deadline: string;
  @DateTimeProperty({ description: 'When it leaves the board (the end of its deadline’s day)' }) closesAt: string;
  @ApiProperty() howToApply: string;
  @ApiProperty() acceptsContacts: boolean;
  @IntegerProperty({ description: 'People who left their contact' }) contacts: number;
  @ApiProperty({ description: 'Still on the board' }) open: boolean;
}

/** A participant who left their contact, with the consent they gave. */
export class InterestResponse {
  @UuidProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ description: 'The words they agreed to' }) consentText: string;
  @DateTimeProperty() consentedAt: string;
}

export function toOpportunityResponse(o: OwnOpportunityView): OpportunityResponse {
  const { partnerId: _partner, closesAt, ...rest } = o;
  return { ...rest, closesAt: closesAt.toISOString() };
}

export function toInterestResponse(i: InterestView): InterestResponse {
  return { ...i, consentedAt: i.consentedAt.toISOString() };
}
