import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsInstant, IsLocalized, Localized } from '@palabre/platform';

export const PROPOSED_SESSION_TYPES = ['workshop', 'panel', 'plenary', 'keynote'] as const;

/** A session a partner proposes: a draft of the programme, which the lead places and publishes. */
export class ProposeSessionDto {
  @IsLocalized({ maxLength: 300 }) title: Localized;
  @IsOptional() @IsLocalized({ maxLength: 10_000, optionalFr: true }) abstract?: Localized;
  @IsIn(PROPOSED_SESSION_TYPES) type: (typeof PROPOSED_SESSION_TYPES)[number];
  @IsInstant() startsAt: string;
  @IsInstant() endsAt: string;
  @IsOptional() @Matches(/^[a-z]{2,3}$/) language?: string;
}
