import { readFileSync } from 'node:fs';
import { DomainError } from '@podium/contracts';
import { toScheduleXml } from '@podium/programme';
import { exportConference, importConference } from '../programme/exchange';
import { option } from './args';
import type { CliExtension } from './extensions';

/** `podium import <file> [--slug s] [--publish]` (a draft unless --publish; --unpublished, the old default's opt-out, is accepted and changes nothing): the report, a summary, and the slug as the very last line (for scripts). */
export const importCommand: CliExtension = {
  name: 'import',
  usage: 'import <file>',
  summary: 'import a schedule.json or schedule.xml as a new conference [--slug <slug>] [--publish]; an unpublished draft unless --publish; prints the report, then the slug',
  async run(args, db) {
    const file = args.positional[0];
    if (!file) throw new DomainError('VALIDATION', 'usage: podium import <schedule.json|schedule.xml> [--slug <slug>]');
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new DomainError('NOT_FOUND', `cannot read ${file}: ${(error as Error).message}`);
    }
    const outcome = await importConference(db, text, { slug: option(args, 'slug'), published: args.options.get('publish') === true && !args.options.has('unpublished') });
    for (const r of outcome.report) process.stdout.write(`${r.action.padEnd(8)} ${r.item}: ${r.message}\n`);
    const c = outcome.counts;
    process.stdout.write(`imported ${c.sessions} sessions, ${c.rooms} rooms, ${c.tracks} tracks, ${c.people} people (${outcome.report.length} report entries)\n`);
    process.stdout.write(`${outcome.slug}\n`);
  },
};

const FORMATS = ['json', 'xml'];

/** `podium export <slug> [--format json|xml]`: the conference as schedule.json (default) or schedule.xml on stdout. */
export const exportCommand: CliExtension = {
  name: 'export',
  usage: 'export <slug>',
  summary: 'print a conference as schedule.json, or schedule.xml with --format xml (always valid)',
  async run(args, db, runtime) {
    const slug = args.positional[0];
    if (!slug) throw new DomainError('VALIDATION', 'usage: podium export <slug> [--format json|xml]');
    const format = args.options.get('format') ?? 'json';
    if (typeof format !== 'string' || !FORMATS.includes(format)) throw new DomainError('VALIDATION', `--format must be json or xml, not ${format === true ? 'nothing' : JSON.stringify(format)}`, { field: 'format' });
    const doc = await exportConference(db, slug, runtime.config.publicUrl);
    process.stdout.write(format === 'xml' ? toScheduleXml(doc) : `${JSON.stringify(doc, null, 2)}\n`);
  },
};
