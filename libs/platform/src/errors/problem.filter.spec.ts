import { Body, Controller, Get, LoggerService, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { createValidationPipe } from './validation.pipe';
import { asDomainError, ProblemFilter } from './problem.filter';

class PersonDto {
  @IsString() @MaxLength(20) name: string;
}
class SampleDto {
  @IsEmail() email: string;
  @IsInt() seats: number;
  @IsOptional() @ValidateNested() @Type(() => PersonDto) person?: PersonDto;
}

@Controller()
class SampleController {
  @Post('sample')
  create(@Body() dto: SampleDto) {
    return { ok: true, email: dto.email };
  }
}
@Module({ controllers: [SampleController] })
class SampleModule {}

@Controller()
class FailingController {
  @Get('auth/link')
  crash(): never {
    throw new Error('something broke');
  }

  @Get('admin/invitation')
  databaseDown(): never {
    throw Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' });
  }
}
@Module({ controllers: [FailingController] })
class FailingModule {}

/** The global pipe and filter, as the api wires them, on a sample route. */
describe('bad input becomes a 400 problem naming the field', () => {
  let app: NestFastifyApplication;
  const post = async (payload: string, lang = 'fr') => {
    const res = await app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/sample',
        payload,
        headers: { 'content-type': 'application/json', 'accept-language': lang },
      });
    return {
      status: res.statusCode,
      type: res.headers['content-type'],
      body: JSON.parse(res.body) as { code: string; title: string; errors?: { field: string; message: string }[] },
    };
  };

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(SampleModule, new FastifyAdapter(), { logger: false });
    app.useGlobalPipes(createValidationPipe());
    app.useGlobalFilters(new ProblemFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it('accepts a good body', async () => {
    expect((await post('{"email":"awa@example.ml","seats":2}')).status).toBe(201);
  });

  it('names the body when the JSON is malformed, in French and in English', async () => {
    const fr = await post('{"email": "awa@', 'fr');
    expect(fr.status).toBe(400);
    expect(fr.type).toContain('application/problem+json');
    expect(fr.body).toMatchObject({ code: 'MALFORMED_BODY', errors: [{ field: 'body', message: 'JSON invalide.' }] });
    const en = await post('{"email": "awa@', 'en');
    expect(en.body).toMatchObject({ code: 'MALFORMED_BODY', title: 'The request body cannot be read', errors: [{ field: 'body', message: 'Invalid JSON.' }] });
  });

  it('refuses an unknown field by name', async () => {
    const fr = await post('{"email":"awa@example.ml","seats":2,"isAdmin":true}');
    expect(fr.status).toBe(400);
    expect(fr.body.errors).toEqual([{ field: 'isAdmin', message: "Ce champ n'est pas attendu." }]);
    const en = await post('{"email":"awa@example.ml","seats":2,"isAdmin":true}', 'en');
    expect(en.body.errors).toEqual([{ field: 'isAdmin', message: 'This field is not expected.' }]);
  });

  it('names each field of the wrong type, nested ones with their path', async () => {
    const res = await post('{"email":42,"seats":"two","person":{"name":["x"]}}', 'en');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual([
      { field: 'email', message: 'Invalid email address.' },
      { field: 'seats', message: 'This field must be a whole number.' },
      { field: 'person.name', message: 'This field must be text.' },
    ]);
  });

  it('gives the limit of a too-long value', async () => {
    const res = await post(`{"email":"awa@example.ml","seats":1,"person":{"name":"${'x'.repeat(21)}"}}`);
    expect(res.body.errors).toEqual([{ field: 'person.name', message: 'Au plus 20 caractères.' }]);
  });

  it.each(['', 'null', '[]', '"text"', '{"__proto__":{"x":1}}'])('answers %p with a 400, never a 5xx', async (payload) => {
    expect((await post(payload)).status).toBe(400);
  });
});

/** Tokens travel in some query strings (sign-in links, agenda feeds): an error log line carries the path only. */
describe('the error log', () => {
  const lines: unknown[][] = [];
  const capture: LoggerService = { log: () => undefined, warn: (...args: unknown[]) => lines.push(args), error: (...args: unknown[]) => lines.push(args) };
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(FailingModule, new FastifyAdapter(), { logger: capture });
    app.useGlobalFilters(new ProblemFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterAll(() => app.close());

  it.each([
    ['/auth/link?token=le-secret-du-lien', 500, 'unhandled error'],
    ['/admin/invitation?token=le-secret-du-lien&lang=en', 503, 'service unavailable'],
  ])('logs %s without its query string', async (url, status, message) => {
    lines.length = 0;
    const res = await app.getHttpAdapter().getInstance().inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    const logged = JSON.stringify(lines);
    expect(logged).toContain(message);
    expect(logged).toContain(url.split('?')[0]);
    expect(logged).not.toContain('le-secret-du-lien');
    expect(logged).not.toContain('?');
  });
});

describe('a database that is gone', () => {
  it.each([
    'Connection terminated unexpectedly',
    'Client was closed and is not queryable',
    'Client has encountered a connection error and is not queryable',
    'timeout exceeded when trying to connect',
    'the database system is shutting down',
    'the database system is in recovery mode',
  ])('is a 503 problem, not a 500: %s', (message) => {
    expect(asDomainError(new Error(message)).code).toBe('SERVICE_UNAVAILABLE');
    expect(asDomainError(Object.assign(new Error('query failed'), { driverError: new Error(message) })).code).toBe('SERVICE_UNAVAILABLE');
  });
});
