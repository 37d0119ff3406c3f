import { isConferenceRole, type ConferenceRole } from './roles';
import { normaliseDisplayName } from './names';

/** A participant list as organisers export it from Excel or a CRM: one person a row. */
export type MailLanguage = 'de' | 'en';
export const MAIL_LANGUAGES: readonly MailLanguage[] = ['de', 'en'];

export interface ParticipantRow {
  /** Line of the row in the file (the header is line 1), for error messages organisers can find. */
  line: number;
  name: string;
  email: string;
  organisation: string | null;
  function: string | null;
  role: ConferenceRole;
  language: MailLanguage;
}

export interface RowError {
  line: number;
  field: string;
  message: string;
}

export interface ParticipantList {
  rows: ParticipantRow[];
  errors: RowError[];
}

export const PARTICIPANT_LIST_MAX_ROWS = 5000;
const FIELD_MAX_LENGTH = 200;
/** Deliberately simple: one @, no spaces, a dot in the domain; the SMTP server has the last word. */
const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

/** Header names (lower case) in English and German, as Excel exports them. */
const HEADERS: Record<string, keyof Omit<ParticipantRow, 'line'>> = {
  name: 'name',
  'e-mail': 'email',
  email: 'email',
  'e-mail-adresse': 'email',
  mail: 'email',
  organisation: 'organisation',
  organization: 'organisation',
  function: 'function',
  funktion: 'function',
  role: 'role',
  rolle: 'role',
  language: 'language',
  sprache: 'language',
};

/** Role words in German and English; an empty cell means attendee. */
const ROLE_WORDS: Record<string, ConferenceRole> = {
  teilnehmer: 'attendee',
  teilnehmerin: 'attendee',
  'teilnehmer*in': 'attendee',
  teilnahme: 'attendee',
  referent: 'speaker',
  referentin: 'speaker',
  'referent*in': 'speaker',
  moderation: 'moderator',
  moderator: 'moderator',
  moderatorin: 'moderator',
  'moderator*in': 'moderator',
  dolmetscher: 'interpreter',
  dolmetscherin: 'interpreter',
  'dolmetscher*in': 'interpreter',
  organisator: 'organiser',
  organisatorin: 'organiser',
  'organisator*in': 'organiser',
  organizer: 'organiser',
};

const LANGUAGE_WORDS: Record<string, MailLanguage> = { de: 'de', deutsch: 'de', german: 'de', en: 'en', englisch: 'en', english: 'en' };

/** Which separator the header line uses: German Excel writes `;`, others `,`. Counted outside quotes. */
export function detectSeparator(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons++;
    else if (!quoted && ch === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

/** RFC 4180 records: quoted fields may hold separators, doubled quotes and line breaks; a BOM is dropped. */
export function parseCsv(input: string, separator: ';' | ',' = detectSeparator(input.replace(/^\uFEFF/, ''))): { records: string[][]; lines: number[] } {
  const text = input.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  const lines: number[] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  const endRecord = () => {
    record.push(field);
    // Blank lines (one empty field) are skipped, as Excel leaves them at the end.
    if (!(record.length === 1 && record[0] === '' && !fieldStarted)) {
      records.push(record);
      lines.push(recordLine);
    }
    record = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (ch === separator) {
      record.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (field !== '' || record.length > 0 || fieldStarted) endRecord();
  return { records, lines };
}

function cell(value: string | undefined): string | null {
  const trimmed = (value ?? '').replace(/[\u0000-\u001F\u007F]/g, ' ').trim();
  return trimmed === '' ? null : trimmed;
}

/** Reads a participant list: every row checked, every problem named with its line; nothing is thrown for bad rows. */
export function readParticipantList(text: string): ParticipantList {
  const { records, lines } = parseCsv(text);
  const errors: RowError[] = [];
  if (records.length === 0) return { rows: [], errors: [{ line: 1, field: 'file', message: 'The file is empty' }] };
  const columns = records[0].map((h) => HEADERS[h.trim().toLowerCase()] ?? null);
  for (const needed of ['name', 'email'] as const) {
    if (!columns.includes(needed)) errors.push({ line: 1, field: needed, message: `Column "${needed === 'name' ? 'Name' : 'E-Mail'}" is missing` });
  }
  if (errors.length > 0) return { rows: [], errors };
  if (records.length - 1 > PARTICIPANT_LIST_MAX_ROWS) {
    return { rows: [], errors: [{ line: 1, field: 'file', message: `At most ${PARTICIPANT_LIST_MAX_ROWS} people per list` }] };
  }
  const rows: ParticipantRow[] = [];
  const seen = new Map<string, number>();
  for (let r = 1; r < records.length; r++) {
    const line = lines[r];
    const values: Partial<Record<keyof Omit<ParticipantRow, 'line'>, string | null>> = {};
    columns.forEach((column, i) => {
      if (column) values[column] = cell(records[r][i]);
    });
    const rowErrors: RowError[] = [];
    const fail = (field: string, message: string) => rowErrors.push({ line, field, message });
    const name = values.name ? normaliseDisplayName(values.name) : null;
    if (!name) fail('name', 'Name must be 1 to 80 visible characters');
    const email = values.email?.toLowerCase() ?? '';
    if (!EMAIL.test(email) || email.length > FIELD_MAX_LENGTH) fail('email', `"${values.email ?? ''}" is not an e-mail address`);
    else if (seen.has(email)) fail('email', `The same address is already in line ${seen.get(email)}`);
    else seen.set(email, line);
    for (const field of ['organisation', 'function'] as const) {
      if ((values[field]?.length ?? 0) > FIELD_MAX_LENGTH) fail(field, `At most ${FIELD_MAX_LENGTH} characters`);
    }
    const roleWord = values.role?.toLowerCase() ?? 'attendee';
    const role = isConferenceRole(roleWord) ? roleWord : ROLE_WORDS[roleWord];
    if (!role) fail('role', `Unknown role "${values.role}" (attendee, speaker, moderator, interpreter, organiser)`);
    const language = LANGUAGE_WORDS[values.language?.toLowerCase() ?? 'de'];
    if (!language) fail('language', `Unknown language "${values.language}" (de or en)`);
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else rows.push({ line, name: name!, email, organisation: values.organisation ?? null, function: values.function ?? null, role: role!, language: language! });
  }
  return { rows, errors };
}
