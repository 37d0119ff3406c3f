import type { DataSource } from 'typeorm';
import { DomainError } from '@podium/contracts';
import { exportSchedule, importRefusal, importSchedule, reportEntry, type ImportReportEntry, type ScheduleDocument } from '@podium/programme';
import { insertProgramme } from './programme-writer';
import { loadProgramme } from './programme-store';
import { ConferencesRepository } from './conferences-repository';
import type { ConferenceRow } from './rows';

/** The database's slug rule (stricter than the domain's: no '_'). */
export const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export interface ImportOutcome {
  slug: string;
  conferenceId: string;
  report: ImportReportEntry[];
  counts: { sessions: number; rooms: number; tracks: number; people: number };
}

function slugFrom(candidate: string | undefined): string | undefined {
  const slug = candidate
    ?.toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 63)
    .replace(/-$/, '');
  return slug && SLUG.test(slug) ? slug : undefined;
}

/**
 * schedule.json in, a new conference out: the domain reads the file (liberal, with a report, or
 * refuses it whole), then everything is written in one transaction; nothing is ever half-imported.
 * Shared by `POST /api/conferences/import` and `podium import <file>`.
 */
export async function importConference(db: DataSource, json: unknown, options: { slug?: string; published?: boolean } = {}): Promise<ImportOutcome> {
  if (options.slug !== undefined && !SLUG.test(options.slug)) {
    throw importRefusal('SLUG_INVALID', {}, { field: 'slug' });
  }
  const { programme, report } = importSchedule(json);
  const slug = options.slug ?? slugFrom(programme.conference.slug) ?? slugFrom(programme.conference.title) ?? 'imported';
  if (!options.slug && slug !== programme.conference.slug) report.push(reportEntry({ kind: 'conference' }, 'repaired', 'SLUG_CHANGED', { from: programme.conference.slug, to: slug }));
  const { conferenceId } = await db.transaction(async (m) => {
    if (await new ConferencesRepository(db).slugTaken(slug, m)) throw importRefusal('SLUG_TAKEN', { slug }, { field: 'slug', slug });
    return insertProgramme(m, programme, { slug, published: options.published });
  });
  return {
    slug,
    conferenceId,
    report,
    counts: { sessions: programme.sessions.length, rooms: programme.rooms.length, tracks: programme.tracks.length, people: programme.people.length },
  };
}

/** The conference's base URL as the web client serves it. */
export function conferenceUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}/c/${encodeURIComponent(slug)}/`;
}

/**
 * Captions extension point: the sessions of a conference that have a caption transcript. Nothing has one
 * until captions are built; that work answers here (one query per export) and the exports then link
 * each such session's transcript page, and only those.
 */
export async function sessionsWithTranscript(_db: DataSource, _conferenceId: string): Promise<ReadonlySet<string>> {
  return new Set();
}

/** schedule.json of a conference; the domain guarantees it is schema-valid or throws. */
export async function exportConference(db: DataSource, slug: string, publicUrl: string, row?: ConferenceRow): Promise<ScheduleDocument> {
  let conference = row;
  if (!conference) {
    const found = await new ConferencesRepository(db).bySlug(slug);
    if (!found) throw new DomainError('NOT_FOUND', `No conference "${slug}"`);
    conference = found;
  }
  const programme = await loadProgramme(db.manager, conference.id, conference);
  const base = conferenceUrl(publicUrl, slug);
  // The web client's session page and its live view (apps/web router: /c/:slug/s/:id[/live]).
  const sessionUrl = (s: { id: string }) => `${base}s/${encodeURIComponent(s.id)}`;
  const transcripts = await sessionsWithTranscript(db, conference.id);
  return exportSchedule(programme, {
    baseUrl: base,
    sessionUrl,
    streamUrl: (s) => `${sessionUrl(s)}/live`,
    transcriptUrl: (s) => (transcripts.has(s.id) ? `${sessionUrl(s)}/transcript` : undefined),
    generator: { name: 'Podium' },
  });
}
