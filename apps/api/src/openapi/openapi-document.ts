import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { loadConfig } from '@palabre/platform';
import { AppModule } from '../app.module';

/** The OpenAPI document of the api's JSON routes, as `GET /api/docs-json` serves it. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const info = new DocumentBuilder()
    .setTitle('Palabre API')
    .setDescription('Programme, panels, inscriptions, check-in. Errors are RFC 9457 problem documents.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, info);
}

/**
 * The same document without a database or a listening server: Nest's preview mode scans the
 * modules and controllers but instantiates nothing, and the document reads only decorators.
 */
export async function generateOpenApiDocument(): Promise<OpenAPIObject> {
  const config = loadConfig({ NODE_ENV: 'test', SEED_DEMO: 'false' });
  const app = await NestFactory.create(AppModule.forRoot({ config, databaseUrl: 'postgres://openapi.invalid/none' }), new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  try {
    return openApiDocument(app);
  } finally {
    await app.close();
  }
}
