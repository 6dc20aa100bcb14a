import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { generateOpenApiDocument } from './openapi-document';

/**
 * `npm run openapi` writes the api's OpenAPI document to openapi.json at the repository's
 * root; `npm run openapi:check` (`--check`) writes nothing and fails when the committed file
 * and the code disagree, naming what differs. No database is opened.
 */
const FILE = path.resolve(process.cwd(), 'openapi.json');

export function serialize(doc: OpenAPIObject): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The operations and schemas that differ between two documents, one line each. */
export function differences(committed: OpenAPIObject, generated: OpenAPIObject): string[] {
  const lines: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const compare = (label: string, a: Record<string, unknown> = {}, b: Record<string, unknown> = {}) => {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(key in b)) lines.push(`  ${label} ${key}: only in openapi.json (gone from the code)`);
      else if (!(key in a)) lines.push(`  ${label} ${key}: new in the code`);
      else if (!same(a[key], b[key])) lines.push(`  ${label} ${key}: changed`);
    }
  };
  const operations = (doc: OpenAPIObject) =>
    Object.fromEntries(
      Object.entries(doc.paths ?? {}).flatMap(([route, item]) =>
        Object.entries(item as Record<string, unknown>).map(([method, op]) => [`${method.toUpperCase()} ${route}`, op]),
      ),
    );
  compare('operation', operations(committed), operations(generated));
  compare('schema', committed.components?.schemas, generated.components?.schemas);
  if (lines.length === 0) lines.push('  (the document’s other parts: info, tags, security, formatting)');
  return lines;
}

async function main(check: boolean): Promise<number> {
  const generated = await generateOpenApiDocument();
  const text = serialize(generated);
  if (!check) {
    writeFileSync(FILE, text);
    process.stdout.write(`openapi.json written (${Object.keys(generated.paths).length} paths)\n`);
    return 0;
  }
  if (!existsSync(FILE)) {
    process.stderr.write('openapi.json is missing: run `npm run openapi` and commit it.\n');
    return 1;
  }
  const committed = readFileSync(FILE, 'utf8');
  if (committed === text) {
    process.stdout.write('openapi.json matches the code\n');
    return 0;
  }
  let detail: string[];
  try {
    detail = differences(JSON.parse(committed) as OpenAPIObject, generated);
  } catch {
    detail = ['  openapi.json is not valid JSON'];
  }
  process.stderr.write(
    [
      'openapi.json does not match the code (the routes, DTOs or response classes changed):',
      ...detail.slice(0, 30),
      ...(detail.length > 30 ? [`  … and ${detail.length - 30} more`] : []),
      'Run `npm run openapi` and commit openapi.json.',
      '',
    ].join('\n'),
  );
  return 1;
}

if (require.main === module) {
  main(process.argv.includes('--check')).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}
