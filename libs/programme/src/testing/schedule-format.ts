/**
 * Test support only (imports dev dependencies): finds the third-party schedule.json schema and
 * examples in place, next to the repository, and compiles the schema with ajv. Where the folder
 * is missing it says so loudly, so specs never pass as if they had checked against it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { scheduleProblems } from '../schedule-json/rules';

/** <repo>/../shared/schedule-format, read in place and never copied into the repository. */
export const SCHEDULE_FORMAT_DIR = path.resolve(__dirname, '../../../../../shared/schedule-format');

export function scheduleFormatAvailable(): boolean {
  const present = existsSync(path.join(SCHEDULE_FORMAT_DIR, 'schema.json'));
  if (!present) {
    console.warn(
      `NOT TESTED AGAINST THE PUBLISHED FORMAT: ${SCHEDULE_FORMAT_DIR} (schema.json and examples/) is missing; ` +
        'schedule.json specs ran on our own fixtures and rules only.',
    );
  }
  return present;
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
 * Call `scheduleFormatAvailable()` once per spec file so a missing folder is announced.
 */
export function validateWithSchema(): (doc: unknown) => string[] {
  // Our own rules always; ajv joins when the published schema can be read.
  const ajvCheck = existsSync(path.join(SCHEDULE_FORMAT_DIR, 'schema.json')) ? compileSchema() : undefined;
  return (doc) => [...scheduleProblems(doc).map((p) => `ours: ${p}`), ...(ajvCheck ? ajvCheck(doc).map((p) => `ajv: ${p}`) : [])];
}
