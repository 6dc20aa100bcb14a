import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateXML } from 'xmllint-wasm';

const ROOT = path.resolve(__dirname, '../../../..');

/**
 * The c3voc schemas our exports must pass, from C3VOC_SCHEMA_DIR (default: `shared/` beside
 * the checkout). Absent without the variable: the tests say so and skip. With the variable
 * set (CI), a missing schema is a failure, not a skip.
 */
export function c3vocSchemaDir(): string | null {
  const configured = process.env.C3VOC_SCHEMA_DIR;
  const dir = path.resolve(ROOT, configured || '../shared/schemas/c3voc');
  const present = ['schedule.xml.xsd', 'schema.json'].every((f) => existsSync(path.join(dir, f)));
  if (present) return dir;
  if (configured) throw new Error(`C3VOC_SCHEMA_DIR=${configured}: schedule.xml.xsd or schema.json is missing in ${dir}`);
  process.stdout.write(`\n[palabre] c3voc schemas not found in ${dir}: schedule.xml/schedule.json validation is skipped (set C3VOC_SCHEMA_DIR)\n`);
  return null;
}

export async function validateScheduleXml(dir: string, xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'schedule.xml', contents: xml }],
    schema: [{ fileName: 'schedule.xml.xsd', contents: readFileSync(path.join(dir, 'schedule.xml.xsd'), 'utf8') }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

let compiled: ValidateFunction | undefined;

export function validateScheduleJson(dir: string, doc: unknown): string[] {
  if (!compiled) {
    // The schema is draft-06 and uses a few keywords of its own ($oneOf, $todo): ajv in non-strict mode.
    const ajv = new Ajv({ strict: false, allErrors: true });
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- ajv ships the draft-06 meta-schema as JSON
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
    addFormats(ajv);
    ajv.addFormat('color', /^#[0-9a-fA-F]{6}$/);
    compiled = ajv.compile(JSON.parse(readFileSync(path.join(dir, 'schema.json'), 'utf8')));
  }
  return compiled(doc) ? [] : (compiled.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}
