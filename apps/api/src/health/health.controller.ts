import { Controller, Get, Header, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HealthService, MetricsService, OwnCredentials } from '@palabre/platform';
import { MetricsTokenGuard } from './metrics-token.guard';

@ApiExcludeController()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
  ) {}

  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  /** 200 when the database answers (and every registered check passes), else 503 naming the failing checks. */
  @Get('health/ready')
  async ready(@Res() reply: FastifyReply) {
    const result = await this.health.readiness();
    void reply
      .status(result.ok ? 200 : 503)
      .header('cache-control', 'no-store')
      .send({ status: result.ok ? 'ok' : 'unavailable', failing: result.failing, checks: result.checks });
  }

  @Get('metrics')
  @OwnCredentials()
  @UseGuards(MetricsTokenGuard)
  @Header('content-type', 'text/plain; version=0.0.4')
  async prometheus() {
    return this.metrics.text();
  }
}
