import { readFileSync } from 'node:fs';
import { SCHEDULE_FORMAT_MISSING, scheduleFormatAvailable } from '../../libs/programme/src/testing/schedule-format';
import { join } from 'node:path';
import { api, type TestApp } from '../support/app';
import { signIn } from '../support/people';

export { compileSchema, readExample, SCHEDULE_FORMAT_DIR } from '../../libs/programme/src/testing/schedule-format';

/** Tests on the published examples fail, never skip, where the folder is missing, saying how to get it. */
export const formatAvailable = scheduleFormatAvailable();
export const itWithFormat = (name: string, fn: () => Promise<void>) =>
  it(name, formatAvailable ? fn : async () => Promise.reject(new Error(SCHEDULE_FORMAT_MISSING)));

export const KASSEL_FIXTURE = join(__dirname, '..', '..', 'libs', 'programme', 'src', 'fixtures', 'kassel-2018.schedule.json');
export const readKassel = (): unknown => JSON.parse(readFileSync(KASSEL_FIXTURE, 'utf8'));
/** One of our hand-written schedule.json fixtures in libs/programme/src/fixtures. */
export const readFixture = (name: string): unknown => JSON.parse(readFileSync(join(KASSEL_FIXTURE, '..', name), 'utf8'));

/** Fails with the answer in the message, so a wrong status explains itself. */
export function expectStatus(res: { status: number; body: unknown }, status: number): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body).slice(0, 800)}`);
}

export interface Organiser {
  token: string;
  personId: string;
}

export async function platformOrganiser(app: TestApp, name = 'Plattform Orga'): Promise<Organiser> {
  return signIn(app, 'organiser', name, null);
}

/** A fresh conference with one or more rooms, made through the API; published unless the body says otherwise (the API's default is unpublished). */
export async function makeConference(
  app: TestApp,
  organiser: Organiser,
  body: Record<string, unknown>,
  rooms: Array<Record<string, unknown>> = [{ name: 'Plenum', kind: 'virtual-stage' }],
): Promise<{ slug: string; id: string; rooms: Array<{ id: string; name: string }> }> {
  const created = await api(app.url, 'POST', '/api/conferences', { token: organiser.token, body: { published: true, ...body } });
  expectStatus(created, 201);
  const made = [];
  for (const room of rooms) {
    const res = await api(app.url, 'POST', `/api/conferences/${created.body.slug}/rooms`, { token: organiser.token, body: room });
    expectStatus(res, 201);
    made.push(res.body);
  }
  return { slug: created.body.slug, id: created.body.id, rooms: made };
}

export async function counts(app: TestApp): Promise<Record<string, number>> {
  const [row] = await app.podium.dataSource.query(
    `SELECT (SELECT count(*) FROM conference)::int AS conference, (SELECT count(*) FROM room)::int AS room, (SELECT count(*) FROM track)::int AS track,
            (SELECT count(*) FROM session)::int AS session, (SELECT count(*) FROM person)::int AS person,
            (SELECT count(*) FROM session_person)::int AS session_person, (SELECT count(*) FROM conference_person)::int AS conference_person`,
  );
  return row;
}
