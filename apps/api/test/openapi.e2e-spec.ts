import type { OpenAPIObject } from '@nestjs/swagger';
import { generateOpenApiDocument } from '../src/openapi/openapi-document';
import { json, startTestApp } from './support/test-app';

type Schema = Record<string, unknown>;
interface Response {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}

/** Every operation of the document: `GET /api/v1/events/{slug}` and its responses by status. */
function operations(doc: OpenAPIObject): { name: string; responses: Record<string, Response> }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, { responses?: Record<string, Response> }>).map(([method, op]) => ({
      name: `${method.toUpperCase()} ${path}`,
      responses: op.responses ?? {},
    })),
  );
}

/** The `$ref`s a schema uses, however nested (`oneOf`, arrays, properties). */
function refs(schema: unknown): string[] {
  if (Array.isArray(schema)) return schema.flatMap(refs);
  if (schema === null || typeof schema !== 'object') return [];
  return Object.entries(schema).flatMap(([key, value]) => (key === '$ref' && typeof value === 'string' ? [value] : refs(value)));
}

describe('the OpenAPI document', () => {
  let doc: OpenAPIObject;

  beforeAll(async () => {
    doc = await generateOpenApiDocument();
  });

  it('describes the body of every successful answer (a route without a response class fails here)', () => {
    const untyped: string[] = [];
    for (const { name, responses } of operations(doc)) {
      const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) untyped.push(`${name}: no 2xx response`);
      for (const [status, response] of success) {
        if (status === '204') continue;
        const media = Object.entries(response.content ?? {});
        if (media.length === 0 || media.some(([, m]) => !m.schema)) untyped.push(`${name}: ${status} without a schema (@ApiOkResponse({ type: … }))`);
      }
    }
    expect(untyped).toEqual([]);
    expect(operations(doc).length).toBeGreaterThan(40);
  });

  it('answers JSON with named response classes whose fields are described', () => {
    const schemas = (doc.components?.schemas ?? {}) as Record<string, Schema>;
    const problems: string[] = [];
    for (const { name, responses } of operations(doc)) {
      for (const [status, response] of Object.entries(responses)) {
        const schema = response.content?.['application/json']?.schema;
        if (!/^2\d\d$/.test(status) || !schema) continue;
        // Only the c3voc schedule is a document of its own, described by its external schema.
        if (name === 'GET /api/v1/events/{slug}/schedule.json') continue;
        const used = refs(schema);
        if (used.length === 0) problems.push(`${name}: ${status} is not a response class`);
        for (const ref of used) {
          const target = schemas[ref.replace('#/components/schemas/', '')];
          if (!target || Object.keys((target.properties as object | undefined) ?? {}).length === 0) problems.push(`${name}: ${ref} has no described fields`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('documents every error answer as an RFC 9457 problem', () => {
    const loose: string[] = [];
    for (const { name, responses } of operations(doc)) {
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]\d\d$/.test(status)) continue;
        const schema = response.content?.['application/problem+json']?.schema;
        if (schema?.$ref !== '#/components/schemas/Problem') loose.push(`${name}: ${status}`);
      }
    }
    expect(loose).toEqual([]);
    expect(doc.components?.schemas?.Problem).toMatchObject({ required: expect.arrayContaining(['type', 'title', 'status', 'code']) });
  });

  it('is the document the api serves at /api/docs-json', async () => {
    const t = await startTestApp();
    try {
      const served = await t.fetch('/api/docs-json');
      expect(served.status).toBe(200);
      expect(await json(served)).toEqual(JSON.parse(JSON.stringify(doc)));
    } finally {
      await t.close();
    }
  });
});
