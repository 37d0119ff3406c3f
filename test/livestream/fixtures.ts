// Sessions and people for the specs (livestream, fishbowl, forum, browser), written straight into the test database.
import type { TestApp } from '../support/app';
import { signIn } from '../support/people';

export interface SessionOptions {
  conference?: string;
  kind?: 'panel' | 'talk' | 'fishbowl' | 'forum';
  startsInMinutes?: number;
  endsInMinutes?: number;
  livestream?: boolean;
  capacity?: number | null;
  status?: 'scheduled' | 'backstage' | 'live' | 'ended';
  title?: string;
}

/** A session of a demo conference with times around now (the demo sessions are in the past). */
export async function createSession(app: TestApp, o: SessionOptions = {}): Promise<string> {
  const [row] = await app.podium.dataSource.query(
    `INSERT INTO session (conference_id, kind, title, starts_at, ends_at, livestream, capacity, status)
     SELECT id, $8, $2, now() + make_interval(mins => $3), now() + make_interval(mins => $4), $5, $6, $7 FROM conference WHERE slug = $1
     RETURNING id`,
    [o.conference ?? 'buko-2020', o.title ?? 'Podium: Teilhabe gestalten', o.startsInMinutes ?? -5, o.endsInMinutes ?? 60, o.livestream ?? true, o.capacity ?? null, o.status ?? 'live', o.kind ?? 'panel'],
  );
  return row.id;
}

/** `position` orders the session's people (chairs, tiles); the table's default is 0. */
export async function addToSession(app: TestApp, sessionId: string, personId: string, role: 'moderator' | 'speaker' | 'interpreter' | 'captioner', position = 0): Promise<void> {
  await app.podium.dataSource.query(`INSERT INTO session_person (session_id, person_id, role, position) VALUES ($1, $2, $3, $4)`, [sessionId, personId, role, position]);
}

/** A signed-in person with a session role on top of their conference role. */
export async function sessionPerson(app: TestApp, sessionId: string, role: 'moderator' | 'speaker' | 'interpreter' | 'captioner', name: string, conference = 'buko-2020') {
  const person = await signIn(app, 'attendee', name, conference);
  await addToSession(app, sessionId, person.personId, role);
  return person;
}

/** The claims of a LiveKit token (no verification: the server does that). */
export function claimsOf(jwt: string): any {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}
