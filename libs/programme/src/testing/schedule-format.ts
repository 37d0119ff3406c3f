/**
 * Test support only (imports dev dependencies): finds the third-party schedule.json schema and
 * examples in place, next to the repository, and compiles the schema with ajv. Where the folder
 * is missing the checks that need it fail with a message saying how to get it; nothing is skipped.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { scheduleProblems } from '../schedule-json/rules';

/** <repo>/../shared/schedule-format (or $SCHEDULE_FORMAT_DIR), read in place and never copied into the repository. */
export const SCHEDULE_FORMAT_DIR = path.resolve(process.env.SCHEDULE_FORMAT_DIR ?? path.resolve(__dirname, '../../../../../shared/schedule-format'));

export const SCHEDULE_FORMAT_MISSING =
  `${SCHEDULE_FORMAT_DIR} (schema.json, schedule.xml.xsd, examples/) is missing: the checks against the published ` +
  'schedule.json schema and real exports cannot run. Get the files from the public repository voc/schedule ' +
  '(folder validator/) and put them there, next to this repository; they are read in place, never copied in. ' +
  'The tests on our own hand-written fixtures (libs/programme/src/fixtures) ran regardless.';

export function scheduleFormatAvailable(): boolean {
  return existsSync(path.join(SCHEDULE_FORMAT_DIR, 'schema.json'));
}

/**
 * describe() for checks against the published format. Where the folder is missing they are not
 * skipped: one failing test stands in for them and says how to get the files.
 */
export function describeWithPublishedFormat(name: string, body: () => void): void {
  if (scheduleFormatAvailable()) describe(name, body);
  else
    describe(name, () => {
      it('needs ../shared/schedule-format', () => {
        throw new Error(SCHEDULE_FORMAT_MISSING);
      });
    });
}

export function readExample(name: string): unknown {
  return JSON.parse(readFileSync(path.join(SCHEDULE_FORMAT_DIR, 'examples', name), 'utf8'));
}

export function exampleNames(): string[] {
  return readdirSync(path.join(SCHEDULE_FORMAT_DIR, 'examples')).filter((f) => f.endsWith('.json')).sort();
}

export type SchemaCheck = (doc: unknown) => string[];

/** ajv (draft-06 meta-schema, strict off, formats) over the published schema; returns the errors. */
export function compileSchema(): SchemaCheck {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // The schema names 'color' without defining it; we hold tracks to '#rrggbb' or '#rgb'.
  ajv.addFormat('color', /^#(?:[0-9a-fA-F]{3}){1,2}$/);
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  const schema = JSON.parse(readFileSync(path.join(SCHEDULE_FORMAT_DIR, 'schema.json'), 'utf8'));
  const validate = ajv.compile(schema);
  return (doc) => (validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message}`));
}

/**
 * Checks a document with our own rules and, where the published schema is at hand, with ajv too.
 */
export function validateWithSchema(): (doc: unknown) => string[] {
  // Our own rules always; ajv joins when the published schema can be read.
  const ajvCheck = existsSync(path.join(SCHEDULE_FORMAT_DIR, 'schema.json')) ? compileSchema() : undefined;
  return (doc) => [...scheduleProblems(doc).map((p) => `ours: ${p}`), ...(ajvCheck ? ajvCheck(doc).map((p) => `ajv: ${p}`) : [])];
}
