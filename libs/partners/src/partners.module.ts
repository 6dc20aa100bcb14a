import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '@palabre/events';
import { IdentityModule } from '@palabre/identity';
import { NotificationsModule } from '@palabre/notifications';
import { ProgramModule } from '@palabre/program';
import { SpeakersModule } from '@palabre/speakers';
import { FiguresRepository } from './figures/figures.repository';
import { PartnerFigures } from './figures/figures.entity';
import { FiguresService } from './figures/figures.service';
import { OpportunitiesRepository } from './opportunities/opportunities.repository';
import { OpportunitiesService } from './opportunities/opportunities.service';
import { Opportunity, OpportunityInterest } from './opportunities/opportunity.entity';
import { PartnerIndicator, PartnerSector } from './partners/catalog.entity';
import { InvitePartner } from './partners/invite-partner.usecase';
import { Partner } from './partners/partner.entity';
import { PartnersRepository } from './partners/partners.repository';
import { PartnersService } from './partners/partners.service';
import { PartnerSeeding } from './partners/partner-seeding';
import { PartnerSession } from './sessions/partner-session.entity';
import { PartnerSessionsService } from './sessions/partner-sessions.service';

/**
 * The forum's partners (NGOs): their public profiles, their figures and the impact page, the
 * opportunities board, and the sessions they co-organize. It builds on identity (partner
 * organizations and their members), events and program (sessions, releases); speakers lends
 * it the image path for logos. It knows nothing of registration.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Partner, PartnerSector, PartnerIndicator, PartnerFigures, Opportunity, OpportunityInterest, PartnerSession]),
    IdentityModule,
    EventsModule,
    ProgramModule,
    SpeakersModule,
    NotificationsModule,
  ],
  providers: [
    PartnersRepository,
    FiguresRepository,
    OpportunitiesRepository,
    PartnersService,
    InvitePartner,
    FiguresService,
    OpportunitiesService,
    PartnerSessionsService,
    PartnerSeeding,
  ],
  exports: [PartnersService, InvitePartner, FiguresService, OpportunitiesService, PartnerSessionsService, PartnerSeeding],
})
export class PartnersModule {}
