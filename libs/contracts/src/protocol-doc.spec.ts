import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES, ERROR_REASONS, FISHBOWL_CLIENT_EVENTS, FISHBOWL_SERVER_EVENTS, PROGRAMME_CLIENT_EVENTS, PROGRAMME_SERVER_EVENTS } from './wire-names';

// The protocol as a client author reads it must name exactly the events, codes and reasons of the contract.
const DOC_PATH = join(__dirname, '../../../docs/fishbowl-protocol.md');
const doc = readFileSync(DOC_PATH, 'utf8');

/** The map named in a heading, e.g. "## Client -> server (`FishbowlClientToServerEvents`)", with its events. */
const MAPS: Record<string, { direction: 'Client -> server' | 'Server -> client'; events: readonly string[] }> = {
  FishbowlClientToServerEvents: { direction: 'Client -> server', events: FISHBOWL_CLIENT_EVENTS },
  FishbowlServerToClientEvents: { direction: 'Server -> client', events: FISHBOWL_SERVER_EVENTS },
  ProgrammeClientToServerEvents: { direction: 'Client -> server', events: PROGRAMME_CLIENT_EVENTS },
  ProgrammeServerToClientEvents: { direction: 'Server -> client', events: PROGRAMME_SERVER_EVENTS },
};

interface Table {
  heading: string;
  header: string[];
  rows: string[][];
}

/** Markdown tables with the heading above each (escaped pipes stay inside their cell). */
function tables(markdown: string): Table[] {
  const found: Table[] = [];
  let heading = '';
  let current: Table | null = null;
  for (const line of markdown.split('\n')) {
    if (/^#{1,6} /.test(line)) heading = line;
    if (!line.startsWith('|')) {
      current = null;
      continue;
    }
    const cells = line.replace(/\\\|/g, '\u0000').split('|').slice(1, -1).map((c) => c.replace(/\u0000/g, '|').trim());
    if (!current) {
      current = { heading, header: cells, rows: [] };
      found.push(current);
    } else if (!cells.every((c) => /^-+$/.test(c))) current.rows.push(cells);
  }
  return found;
}

const backticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
const section = (title: string) => {
  const start = doc.indexOf(`\n## ${title}\n`);
  if (start < 0) throw new Error(`docs/fishbowl-protocol.md has no section "## ${title}"`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
};
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

describe('docs/fishbowl-protocol.md against the event maps of libs/contracts', () => {
  const eventTables = tables(doc).filter((t) => t.header[0] === 'event');

  it('has an event table under a heading naming its map and direction, for every map', () => {
    const named = eventTables.map((t) => Object.keys(MAPS).find((map) => t.heading.includes(`\`${map}\``)));
    expect(named).not.toContain(undefined);
    expect(sorted(named as string[])).toEqual(sorted(Object.keys(MAPS)));
    for (const t of eventTables) {
      const map = Object.keys(MAPS).find((m) => t.heading.includes(`\`${m}\``))!;
      expect(t.heading).toContain(MAPS[map].direction);
    }
  });

  it.each(Object.keys(MAPS))('documents exactly the events of %s, in its direction', (map) => {
    const documented = eventTables.filter((t) => t.heading.includes(`\`${map}\``)).flatMap((t) => t.rows.flatMap((r) => backticked(r[0])));
    expect(sorted(documented)).toEqual(sorted(MAPS[map].events));
  });

  it('names no event anywhere in the text that the maps do not have', () => {
    const known = new Set(Object.values(MAPS).flatMap((m) => m.events));
    const named = [...doc.matchAll(/`((?:fishbowl|programme):[a-z-]+)`/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(20);
    expect(sorted(named.filter((e) => !known.has(e)))).toEqual([]);
  });
});

describe('docs/fishbowl-protocol.md against the closed error lists', () => {
  const errorTables = tables(section('Errors')).filter((t) => t.header[0] === 'code' && t.header[1] === 'details.reason');

  it('lists every error code, and only those', () => {
    const codes = errorTables.flatMap((t) => t.rows.map((r) => r[0]));
    expect(sorted(codes)).toEqual(sorted(ERROR_CODES));
  });

  it('lists every reason sub-code, and only those', () => {
    // `details.field` and `details.limit` name a detail, not a reason.
    const reasons = errorTables.flatMap((t) => t.rows.flatMap((r) => backticked(r[1]))).filter((x) => !x.startsWith('details.'));
    expect(sorted(reasons)).toEqual(sorted(ERROR_REASONS));
  });
});
