import { Module } from '@nestjs/common';
import { EventsModule } from '@palabre/events';
import { IdentityModule } from '@palabre/identity';
import { ProgramModule } from '@palabre/program';
import { RegistrationModule } from '@palabre/registration';
import { CertificateKey } from './certificates/certificate-key';
import { CertificatesService } from './certificates/certificates.service';
import { EventFiguresService } from './figures/event-figures.service';

/**
 * Reporting: the figures organizers publish (counted by registration, which owns the rows,
 * and drawn, exported and printed here) and certificates of attendance. It has no table of
 * its own and reads no other context's.
 */
@Module({
  imports: [EventsModule, IdentityModule, ProgramModule, RegistrationModule],
  providers: [EventFiguresService, CertificateKey, CertificatesService],
  exports: [EventFiguresService, CertificatesService],
})
export class ReportingModule {}
