import type { FishbowlChangePayload } from '@podium/contracts';
import { api, startTestApp, type TestApp } from '../support/app';
import { connect, createPeople, essence, join, moderatedFishbowl, okIn, send, until, type Client, type Person } from './support';

/** A moderator runs a fishbowl while attendees watch: invitations, accept/decline/lapse, rotation, leave, time limit, minutes. */
describe('fishbowl moderation with watching clients', () => {
  let app: TestApp;
  let sessionId: string;
  let mod: Client;
  let watcher: Client;
  let moderator: { token: string; personId: string };
  let people: Person[];
  let clients: Client[];
  const changes: FishbowlChangePayload[] = [];
  let seen = 0;

  beforeAll(async () => {
    app = await startTestApp('fishbowl-moderation', { livekit: false, seedDemo: false });
    // The session's own moderator and speaker become the fixed chairs on first use.
    const fishbowl = await moderatedFishbowl(app);
    ({ sessionId, moderator } = fishbowl);
    people = await createPeople(app, fishbowl.conferenceId, 6);
    mod = await connect(app.url, moderator.token);
    clients = await Promise.all(people.map((p) => connect(app.url, p.token)));
    watcher = await connect(app.url, moderator.token);
    watcher.on('fishbowl:event', (c: FishbowlChangePayload) => changes.push(c));
  });

  afterAll(async () => {
    for (const c of [mod, watcher, ...(clients ?? [])]) c?.disconnect();
    await app?.stop();
  });

  const cmd = async (socket: Client, event: string, payload: Record<string, unknown> = {}) => {
    const version = await okIn(sessionId)(socket, event, payload);
    seen = Math.max(seen, version);
    return version;
  };

  it('seats the session people on fixed chairs and runs invitations, rotation, leave and the time limit', async () => {
    const first = await join(mod, sessionId);
    expect(first.settings.fixedChairs.map((f) => [f.role, f.personId])).toEqual([
      ['moderator', moderator.personId],
      ['panelist', expect.any(String)],
    ]);
    expect(first.chairs).toHaveLength(5);
    await Promise.all(clients.map((c) => join(c, sessionId)));
    // The per-event stream names everyone queued: a moderator's second socket gets it, an attendee is refused.
    expect(await send(clients[0], 'fishbowl:join', { sessionId, events: true })).toEqual({ error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    expect(await send(watcher, 'fishbowl:join', { sessionId, events: true })).toMatchObject({ ok: true });

    let v = await cmd(mod, 'fishbowl:configure', {
      expectedVersion: first.version,
      settings: { invitationTimeoutMs: 5000, seatTimeLimitMs: 10_000, warningBeforeMs: 3000, rotationGraceMs: 0 },
    });
    v = await cmd(mod, 'fishbowl:start', { expectedVersion: v });
    await until(mod, (x) => x.status === 'running' && x.chairs[0].occupant?.personId === moderator.personId);
    for (const [i, c] of clients.entries()) await cmd(c, 'fishbowl:ask', { where: i % 2 ? 'hall' : 'remote', topic: `Frage ${i}` });
    const queued = await until(mod, (x) => x.queue.length === 6);
    expect(queued.queue.map((q) => q.personId)).toEqual(people.map((p) => p.personId));

    // Invite -> accept, twice: the two guests sit on open chairs 2 and 3.
    for (const i of [0, 1]) {
      await cmd(mod, 'fishbowl:invite', { personId: people[i].personId, expectedVersion: await latestVersion() });
      await until(clients[i], (x) => x.invitations.some((inv) => inv.personId === people[i].personId));
      await cmd(clients[i], 'fishbowl:accept');
    }
    // Decline removes the request; a lapse after the invitation timeout removes it too.
    await cmd(mod, 'fishbowl:invite', { personId: people[2].personId, expectedVersion: await latestVersion() });
    await cmd(clients[2], 'fishbowl:decline');
    await cmd(mod, 'fishbowl:invite', { personId: people[3].personId, expectedVersion: await latestVersion() });
    await until(mod, (x) => !x.queue.some((q) => q.personId === people[3].personId), 9000);
    await cmd(mod, 'fishbowl:invite', { personId: people[4].personId, expectedVersion: await latestVersion() });
    await cmd(clients[4], 'fishbowl:accept');
    const full = await until(mod, (x) => x.chairs.filter((c) => c.kind === 'open' && c.occupant).length === 3 && x.rotation !== null);
    expect(full.rotation!.personId).toBe(people[0].personId);

    // The moderator confirms the rotation the rules suggest; a guest leaves by themselves.
    await cmd(mod, 'fishbowl:confirm-rotation', { personId: people[0].personId, expectedVersion: await latestVersion() });
    await cmd(clients[1], 'fishbowl:leave');
    // The last seated guest's 10 s limit: warning, then the system takes the chair back.
    await until(mod, (x) => x.chairs.some((c) => c.occupant?.personId === people[4].personId && c.occupant.warning), 12_000);
    const after = await until(mod, (x) => x.chairs.every((c) => c.kind === 'fixed' || !c.occupant), 12_000);

    const reasons = changes.filter((c) => c.event.type === 'left-chair').map((c) => { const e = c.event as { personId: string; reason: string }; return [e.personId, e.reason]; });
    expect(reasons).toEqual([
      [people[0].personId, 'rotation'],
      [people[1].personId, 'left'],
      [people[4].personId, 'time-limit'],
    ]);
    const types = changes.map((c) => c.event.type);
    expect(types).toEqual(expect.arrayContaining(['invitation-declined', 'invitation-lapsed', 'time-warning']));
    // Events arrive in log order, each once.
    const versions = changes.map((c) => c.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);

    // Every watcher ends with the same view.
    const finals = await Promise.all(clients.map((c) => until(c, (x) => x.version >= after.version)));
    for (const f of finals) expect(essence(f)).toEqual(essence(after));

    // The stage followed the open chairs (desired state recorded by the livestream module); fixed chairs untouched.
    // The stage is written by an after-commit listener, so it may land just after the views: wait for it (bounded).
    const readStage = (): Promise<{ person_id: string; on_stage: boolean }[]> =>
      app.podium.dataSource.query(`SELECT person_id, on_stage FROM stage_assignment WHERE session_id = $1 ORDER BY person_id`, [sessionId]);
    const offStage = (rows: { person_id: string; on_stage: boolean }[]) => [0, 1, 4].every((i) => rows.some((r) => r.person_id === people[i].personId && !r.on_stage));
    let stage = await readStage();
    for (const deadline = Date.now() + 10_000; !offStage(stage) && Date.now() < deadline; stage = await readStage()) await new Promise((r) => setTimeout(r, 100));
    expect(stage).toEqual(expect.arrayContaining([0, 1, 4].map((i) => ({ person_id: people[i].personId, on_stage: false }))));
    expect(stage.some((r) => r.person_id === moderator.personId)).toBe(false);
  }, 60_000);

  it('serves the record, German minutes by default, English on request, and CSV', async () => {
    const base = `/api/sessions/${sessionId}/fishbowl`;
    const record = await api(app.url, 'GET', `${base}/record`, { token: moderator.token });
    expect(record.status).toBe(200);
    expect(record.body.seatings.filter((s: { kind: string }) => s.kind === 'open')).toHaveLength(3);
    const de = await api(app.url, 'GET', `${base}/minutes.md`, { token: moderator.token });
    expect(de.status).toBe(200);
    expect(de.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(de.body).toContain('# Protokoll Fishbowl: Aktuelle Stunde');
    const en = await api(app.url, 'GET', `${base}/minutes?format=md&lang=en`, { token: moderator.token });
    expect(en.body).toContain('# Fishbowl minutes');
    const csv = await api(app.url, 'GET', `${base}/minutes.csv`, { token: moderator.token });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toMatch(/^from,to,chairIndex/);
    const peopleCsv = await api(app.url, 'GET', `${base}/minutes?format=csv&table=people`, { token: moderator.token });
    expect(peopleCsv.body).toContain(people[0].personId);
    expect((await api(app.url, 'GET', `${base}/minutes.md`, { token: people[0].token })).status).toBe(403);
  });

  /** The moderator acts on what their screen shows, once it shows every change acked so far. */
  async function latestVersion() {
    return (await until(mod, (x) => x.version >= seen)).version;
  }
});
