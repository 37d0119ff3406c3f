/** Test support only: xmllint's verdict on a schedule.xml against the published XSD, read in place. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SCHEDULE_FORMAT_DIR } from './schedule-format';

export const XSD = path.join(SCHEDULE_FORMAT_DIR, 'schedule.xml.xsd');

/** '' when valid, else xmllint's errors; fails (never skips) when xmllint or the XSD is missing, saying how to get them. */
export function xsdErrors(xml: string): string {
  if (!existsSync(XSD)) throw new Error(`${XSD} is missing: get validator/xsd/schedule.xml.xsd from the public repository voc/schedule and put it there (read in place, never copied in).`);
  const dir = mkdtempSync(path.join(tmpdir(), 'schedule-xml-'));
  try {
    writeFileSync(path.join(dir, 'schedule.xml'), xml);
    execFileSync('xmllint', ['--noout', '--schema', XSD, path.join(dir, 'schedule.xml')], { stdio: 'pipe' });
    return '';
  } catch (e) {
    const err = e as { code?: string; stderr?: Buffer };
    if (err.code === 'ENOENT') throw new Error('xmllint is missing: install it with `apt-get install libxml2-utils` (Debian/Ubuntu).');
    return String(err.stderr ?? e);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
