// The building blocks of http-calls.ts: answers, calls, effect checks and the row families (tracks/rooms, people, lifecycle).
import { randomBytes } from 'node:crypto';
import { api } from '../../support/app';
import { newSession, programmePerson, type Cast } from './cast';
import type { Persona } from './expected-access';

export interface Answer {
  status: number;
  body: any;
  text: string;
  type: string;
}

export interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Leave the persona's token out (the request carries its own credential). */
  noToken?: boolean;
  /** Why the effect is missing, or undefined when the intended change/answer is there. */
  verify?: (answer: Answer) => Promise<string | undefined> | string | undefined;
}

export type Prepare = (c: Cast, persona: Persona, n: number) => Promise<Call> | Call;

export const fail = (ok: boolean, why: string) => (ok ? undefined : why);
export const one = async (c: Cast, sql: string, params: unknown[]) => ((await c.db.query(sql, params)) as any[])[0];
export const exists = async (c: Cast, sql: string, params: unknown[]) => Boolean(await one(c, sql, params));
export const unique = (n: number) => `${n}-${randomBytes(2).toString('hex')}`;

/** The roles a session token's person holds, as GET /api/auth/me lists them. */
export async function rolesOf(c: Cast, token: string): Promise<{ id: string; roles: string[] }> {
  const me = await api(c.app.url, 'GET', '/api/auth/me', { token });
  return { id: me.body.person?.id, roles: (me.body.roles ?? []).map((r: { conference: string | null; role: string }) => `${r.conference ?? '*'}:${r.role}`) };
}

/** Redeems an issued link and checks it signs in exactly the new person with exactly attendee of A (rule 1). */
export async function linkGivesOnlyNewPerson(c: Cast, link: string, personId: string): Promise<string | undefined> {
  const redeemed = await api(c.app.url, 'POST', '/api/auth/redeem', { body: { token: link.split('/signin/')[1] } });
  if (redeemed.status !== 200) return `redeeming the new link answered ${redeemed.status}`;
  const me = await rolesOf(c, redeemed.body.token);
  if (me.id !== personId) return `the link signs in ${me.id}, not the invited new person ${personId}`;
  return fail(JSON.stringify(me.roles) === JSON.stringify([`${c.slug}:attendee`]), `the link gives roles ${me.roles.join(', ')}, expected only ${c.slug}:attendee`);
}

export const sessionStatus = async (c: Cast, id: string) => (await one(c, 'SELECT status, delay_minutes, ends_at FROM session WHERE id = $1', [id])) as { status: string; delay_minutes: number; ends_at: Date };
export const freshPerson = (c: Cast, n: number) => programmePerson(c.db, `Ziel ${unique(n)}`, [c.conferenceId]);
export const isCalendar = (a: Answer) => fail(a.type.startsWith('text/calendar') && a.text.startsWith('BEGIN:VCALENDAR'), `not a calendar: ${a.type} ${a.text.slice(0, 40)}`);
export const isText = (type: string) => (a: Answer) => fail(a.type.startsWith(type) && a.text.length > 0, `expected ${type}, got ${a.type}`);

export async function bookmarked(c: Cast, p: Persona, sessionId: string) {
  return exists(c, 'SELECT 1 FROM bookmark WHERE person_id = $1 AND session_id = $2', [c.ids[p], sessionId]);
}

/** Tracks and rooms: list, create, rename a fresh one, delete a fresh one. */
export function named(plural: 'tracks' | 'rooms', table: 'track' | 'room', param: string, label: string): Record<string, Prepare> {
  const base = `/api/conferences/:slug/${plural}`;
  const make = async (c: Cast, n: number) => (await one(c, `INSERT INTO ${table} (conference_id, name) VALUES ($1, $2) RETURNING id`, [c.conferenceId, `${label} ${unique(n)}`])).id as string;
  const named = (c: Cast, name: string) => exists(c, `SELECT 1 FROM ${table} WHERE conference_id = $1 AND name = $2`, [c.conferenceId, name]);
  return {
    [`GET ${base}`]: (c) => ({ path: `/api/conferences/${c.slug}/${plural}`, verify: (a) => fail(Array.isArray(a.body), 'no list') }),
    [`POST ${base}`]: (c, p, n) => {
      const name = `${label} ${unique(n)}`;
      return { path: `/api/conferences/${c.slug}/${plural}`, body: { name }, verify: async () => fail(await named(c, name), 'not created') };
    },
    [`PATCH ${base}/:${param}`]: async (c, p, n) => {
      const id = await make(c, n);
      const name = `${label} neu ${unique(n)}`;
      return { path: `/api/conferences/${c.slug}/${plural}/${id}`, body: { name }, verify: async () => fail(await named(c, name), 'not renamed') };
    },
    [`DELETE ${base}/:${param}`]: async (c, p, n) => {
      const id = await make(c, n);
      return { path: `/api/conferences/${c.slug}/${plural}/${id}`, verify: async () => fail(!(await exists(c, `SELECT 1 FROM ${table} WHERE id = $1`, [id])), 'still there') };
    },
  };
}

/** PATCH/DELETE of a person on the programme of the given conferences (A only, A and B, B only). */
export function people(variant: string, on: (c: Cast) => string[]): Record<string, Prepare> {
  const base = '/api/conferences/:slug/people/:personId';
  return {
    [`PATCH ${base}${variant}`]: async (c, p, n) => {
      const id = await programmePerson(c.db, `Mensch ${unique(n)}`, on(c));
      const name = `Umbenannt ${unique(n)}`;
      return { path: `/api/conferences/${c.slug}/people/${id}`, body: { name }, verify: async () => fail(await exists(c, 'SELECT 1 FROM person WHERE id = $1 AND display_name = $2', [id, name]), 'not renamed') };
    },
    [`DELETE ${base}${variant}`]: async (c, p, n) => {
      const conferences = on(c);
      const id = await programmePerson(c.db, `Mensch ${unique(n)}`, conferences);
      return {
        path: `/api/conferences/${c.slug}/people/${id}`,
        verify: async () => {
          const rows: { conference_id: string }[] = await c.db.query('SELECT conference_id FROM conference_person WHERE person_id = $1', [id]);
          const left = rows.map((r) => r.conference_id).sort();
          return fail(JSON.stringify(left) === JSON.stringify(conferences.filter((x) => x !== c.conferenceId).sort()), `still on ${left.length} programmes`);
        },
      };
    },
  };
}

type SessionState = Awaited<ReturnType<typeof sessionStatus>>;
export function lifecycle(action: string, setup: { status?: string }, check: (after: SessionState, before: SessionState) => string | undefined, body?: unknown): Prepare {
  return async (c) => {
    const id = await newSession(c, c.conferenceId, setup);
    const before = await sessionStatus(c, id);
    return { path: `/api/sessions/${id}/${action}`, body, verify: async () => check(await sessionStatus(c, id), before) };
  };
}

/** The smallest schedule.json the importer takes: one day, no rooms. */
export function minimalSchedule() {
  return {
    schedule: {
      version: 'matrix',
      conference: { acronym: 'mx', title: 'Import', start: '2027-02-01', end: '2027-02-01', daysCount: 1, timeslot_duration: '00:15', days: [{ index: 0, date: '2027-02-01', day_start: '2027-02-01T08:00:00+01:00', day_end: '2027-02-01T20:00:00+01:00', rooms: {} }] },
    },
  };
}
