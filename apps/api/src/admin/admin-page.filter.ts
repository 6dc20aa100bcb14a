import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ProblemFilter } from '@palabre/platform';

/**
 * On back-office pages, a browser without a session is sent to the sign-in page (and back
 * afterwards) instead of being shown a 401; every other error is the usual problem or page.
 */
@Catch()
export class AdminPageFilter implements ExceptionFilter {
  private readonly problems = new ProblemFilter();

  catch(exception: unknown, host: ArgumentsHost): void {
    if (exception instanceof DomainError && exception.code === 'UNAUTHENTICATED') {
      const req = host.switchToHttp().getRequest<FastifyRequest>();
      const reply = host.switchToHttp().getResponse<FastifyReply>();
      const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.url)}` : '';
      void reply.status(303).header('location', `/admin/sign-in${next}`).header('cache-control', 'no-store').send();
      return;
    }
    this.problems.catch(exception, host);
  }
}
