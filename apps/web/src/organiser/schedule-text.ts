/**
 * What the organiser gave the import page (a file's text or pasted text), told apart by content as the
 * server does: a text starting with '<' is a schedule.xml, anything else must be a schedule.json.
 * Bad input is named in the interface language before anything is sent (so nothing is imported).
 */
import type { Translate, Vars } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';
import type { ValueFormat } from '../i18n/values';

export interface InputProblem {
  key: MessageKey;
  vars?: Vars;
}

/** An XML well-formedness check (the browser's DOMParser on the page): the root's name and its children's, or where it broke. */
export type XmlCheck = (xml: string) => { root: string; children: string[] } | { line?: number; column?: number };

export type ScheduleInput = { kind: 'json'; json: unknown } | { kind: 'xml'; xml: string } | { kind: 'problem'; problem: InputProblem };

const BOM = /^\uFEFF/;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Line and column (from 1) of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function jsonProblem(text: string, error: unknown): InputProblem {
  const message = error instanceof Error ? error.message : '';
  // The engine names the offset in most messages ('… at position 14'); the end of input is the text's end.
  const at = /at position (\d+)/.exec(message)?.[1] ?? (/end of JSON input/.test(message) ? String(text.length) : undefined);
  if (at === undefined) return { key: 'org.import.problem.json' };
  return { key: 'org.import.problem.jsonAt', vars: lineAndColumn(text, Number(at)) };
}

/** The first few characters, for a message that says what the text starts with. */
const opening = (text: string) => {
  const start = text.trimStart().split('\n')[0];
  return start.length > 20 ? `${start.slice(0, 20)}…` : start;
};

/** JSON, XML, or the problem that keeps the text from being sent. */
export function readScheduleInput(raw: string, checkXml: XmlCheck): ScheduleInput {
  const text = raw.replace(BOM, ''); // a byte order mark, as the server and the CLI take it
  if (!text.trim()) return { kind: 'problem', problem: { key: 'org.import.problem.empty' } };
  if (/^\s*</.test(text)) {
    const checked = checkXml(text.trimStart());
    if (!('root' in checked)) {
      const { line, column } = checked;
      return { kind: 'problem', problem: line === undefined ? { key: 'org.import.problem.xml' } : { key: 'org.import.problem.xmlAt', vars: { line, column: column ?? 1 } } };
    }
    if (checked.root !== 'schedule') return { kind: 'problem', problem: { key: 'org.import.problem.xmlRoot', vars: { root: checked.root } } };
    if (!checked.children.includes('conference')) return { kind: 'problem', problem: { key: 'org.import.problem.xmlConference' } };
    return { kind: 'xml', xml: text };
  }
  if (!/^\s*[[{]/.test(text)) return { kind: 'problem', problem: { key: 'org.import.problem.neither', vars: { start: opening(text) } } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { kind: 'problem', problem: jsonProblem(text, error) };
  }
  const schedule = isObject(json) ? json.schedule : undefined;
  if (!isObject(schedule)) return { kind: 'problem', problem: { key: 'org.import.problem.jsonShape' } };
  // A "schedule 2" file (events under schedule.events) is the server's to explain: it names the version it reads.
  if (!isObject(schedule.conference) && !Array.isArray(schedule.events)) return { kind: 'problem', problem: { key: 'org.import.problem.jsonConference' } };
  return { kind: 'json', json };
}

/** The problem in the interface language; what the text starts with is quoted, as any text from a file. */
export function problemText(problem: InputProblem, t: Translate, f: Pick<ValueFormat, 'text'>): string {
  const vars = problem.vars && 'start' in problem.vars ? { ...problem.vars, start: f.text(String(problem.vars.start)) } : problem.vars;
  return t(problem.key, vars);
}
