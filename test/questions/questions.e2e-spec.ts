import { api, startTestApp, type TestApp } from '../support/app';
import { connect as connectFishbowl, createFishbowl, createPeople, join as joinFishbowl, send as sendFishbowl, until as untilFishbowl, type Person } from '../fishbowl/support';
import { connectQuestions, eventually, newId, qjoin, qok, qsend, type QClient } from './support';

/** Questions (Q&A) end to end: the real api, PostgreSQL and Socket.IO clients for attendees, moderators and the hall's screen. */
describe('questions over /questions', () => {
  let app: TestApp;
  let sessionId: string;
  let slug: string;
  let mod: Person;
  let people: Person[];
  let modSocket: QClient;
  let projector: QClient;
  const sockets: QClient[] = [];

  const attendee = async (p: Person) => {
    const s = await connectQuestions(app.url, p.token);
    sockets.push(s);
    await qjoin(s, sessionId);
    return s;
  };
  const ask = (s: QClient, text: string, extra: Record<string, unknown> = {}) => {
    const questionId = newId();
    return qok(s, 'questions:ask', { sessionId, questionId, text, origin: 'remote', ...extra }).then(() => questionId);
  };
  const modQuestion = (id: string) => modSocket.moderator?.questions.find((q) => q.id === id);

  beforeAll(async () => {
    app = await startTestApp('questions', { livekit: false, seedDemo: false });
    const fishbowl = await createFishbowl(app.podium.dataSource);
    sessionId = fishbowl.sessionId;
    slug = fishbowl.slug;
    [mod] = await createPeople(app, fishbowl.conferenceId, 1, 'moderator', 'Mona');
    people = await createPeople(app, fishbowl.conferenceId, 12, 'attendee', 'Gast');
    modSocket = await connectQuestions(app.url, mod.token);
    projector = await connectQuestions(app.url, mod.token);
    sockets.push(modSocket, projector);
    await qjoin(modSocket, sessionId, 'moderator');
    await qjoin(projector, sessionId, 'projector');
  }, 60_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await app?.stop();
  });

  it('counts an upvote once per person, refuses voting for one’s own question, and lets only the asker withdraw', async () => {
    const [anna, ben] = [await attendee(people[0]), await attendee(people[1])];
    const q = await ask(anna, 'Wie wird die Förderung verteilt?');
    await qok(modSocket, 'questions:approve', { sessionId, questionId: q });
    const first = await qok(ben, 'questions:upvote', { sessionId, questionId: q });
    // The repeat is acknowledged (a retry is harmless) but adds no event: the same version.
    expect(await qok(ben, 'questions:upvote', { sessionId, questionId: q })).toBe(first);
    expect(await qsend(anna, 'questions:upvote', { sessionId, questionId: q })).toMatchObject({ error: { code: 'CONFLICT', details: { reason: 'OWN_QUESTION' } } });
    await eventually(() => modQuestion(q)?.votes === 1);
    await eventually(() => ben.attendee?.questions.find((x) => x.id === q)?.votes === 1);
    expect(await eventually(() => ben.mine?.voted.includes(q) && ben.mine)).toMatchObject({ voted: [q] });
    expect(await qsend(ben, 'questions:withdraw', { sessionId, questionId: q })).toMatchObject({ error: { code: 'FORBIDDEN', details: { reason: 'NOT_YOURS' } } });
    await qok(anna, 'questions:withdraw', { sessionId, questionId: q });
    await eventually(() => modQuestion(q)?.status === 'withdrawn');
    // Withdrawn questions leave the public view; the asker still sees their own.
    await eventually(() => !ben.attendee?.questions.some((x) => x.id === q));
    await eventually(() => anna.mine?.questions.some((x) => x.id === q && x.status === 'withdrawn'));
  });

  it('shows a pre-moderated question to others only after approval, never unreviewed on the projector; post-moderation shows it at once', async () => {
    const [cem, dora] = [await attendee(people[2]), await attendee(people[3])];
    const q = await ask(cem, 'Gibt es eine Aufzeichnung?');
    await eventually(() => modQuestion(q)?.status === 'pending');
    await eventually(() => cem.mine?.questions.some((x) => x.id === q && x.status === 'pending'));
    // A fresh join of another attendee reads the state including the new question: still hidden.
    const fresh = await qjoin(dora, sessionId);
    expect(fresh.view.questions.map((x: { id: string }) => x.id)).not.toContain(q);
    expect(projector.projector?.questions.some((x) => x.id === q) ?? false).toBe(false);
    await qok(modSocket, 'questions:approve', { sessionId, questionId: q });
    await eventually(() => dora.attendee?.questions.some((x) => x.id === q && x.status === 'approved'));
    await eventually(() => projector.projector?.questions.some((x) => x.id === q));

    await qok(modSocket, 'questions:set-moderation', { sessionId, moderation: 'post' });
    const now = await ask(cem, 'Und wann kommt die Aufzeichnung?');
    await eventually(() => dora.attendee?.questions.some((x) => x.id === now && x.status === 'pending'));
    expect((await qjoin(projector, sessionId, 'projector')).view.questions.map((x: { id: string }) => x.id)).not.toContain(now);
    await qok(modSocket, 'questions:set-moderation', { sessionId, moderation: 'pre' });
  });

  it('hides an anonymous asker from attendees and the projector but never from moderators', async () => {
    const [eva, fritz] = [await attendee(people[4]), await attendee(people[5])];
    const q = await ask(eva, 'Warum ist das so teuer?', { anonymous: true, readAloud: true });
    await qok(modSocket, 'questions:approve', { sessionId, questionId: q });
    const seen = await eventually(() => fritz.attendee?.questions.find((x) => x.id === q));
    expect(seen).toMatchObject({ askerName: null, readAloud: true, mine: false });
    const own = await eventually(() => eva.mine?.questions.find((x) => x.id === q && x.status === 'approved'));
    expect(own).toMatchObject({ askerName: null, mine: true });
    await eventually(() => projector.projector?.questions.some((x) => x.id === q));
    for (const json of [JSON.stringify(fritz.attendee), JSON.stringify(projector.projector), JSON.stringify(eva.mine)]) {
      expect(json).not.toContain(people[4].personId);
      expect(json).not.toContain(people[4].name);
    }
    expect(await eventually(() => modQuestion(q))).toMatchObject({ askerId: people[4].personId, askerName: people[4].name, anonymous: true, readAloud: true });
    // Attendees may not ask for the moderators' or the projector's view.
    expect(await qsend(fritz, 'questions:join', { sessionId, audience: 'moderator' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(await qsend(fritz, 'questions:join', { sessionId, audience: 'projector' })).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('merges a duplicate: the voters join as a set, the duplicate leaves the list; a fixed typo keeps the original', async () => {
    const s = await Promise.all(people.slice(6, 11).map(attendee)); // gustav, hanna, ida, jan, kim
    const [g, h, i, j, k] = s;
    const main = await ask(g, 'Wie hoch ist das Budgte?');
    const dup = await ask(h, 'Wie hoch ist das Budget 2025?');
    for (const questionId of [main, dup]) await qok(modSocket, 'questions:approve', { sessionId, questionId });
    await qok(i, 'questions:upvote', { sessionId, questionId: main });
    await qok(j, 'questions:upvote', { sessionId, questionId: main });
    await qok(i, 'questions:upvote', { sessionId, questionId: dup });
    await qok(k, 'questions:upvote', { sessionId, questionId: dup });
    await qok(g, 'questions:upvote', { sessionId, questionId: dup }); // the target's asker: left out after the merge
    await qok(modSocket, 'questions:merge', { sessionId, questionId: dup, intoId: main });
    // main: i, j (own) + i, k (dup; g is main's asker) = {i, j, k}
    await eventually(() => modQuestion(main)?.votes === 3);
    expect(modQuestion(dup)).toMatchObject({ status: 'merged', mergedInto: main, votes: 0 });
    await eventually(() => !k.attendee?.questions.some((x) => x.id === dup) && k.attendee?.questions.find((x) => x.id === main)?.votes === 3);
    expect(await eventually(() => k.mine?.voted.includes(main) && k.mine)).toMatchObject({ voted: [main] });

    await qok(modSocket, 'questions:edit', { sessionId, questionId: main, text: 'Wie hoch ist das Budget?' });
    expect(await eventually(() => k.attendee?.questions.find((x) => x.id === main && x.edited))).toMatchObject({ text: 'Wie hoch ist das Budget?' });
    expect(await eventually(() => modQuestion(main)?.edits.length === 1 && modQuestion(main))).toMatchObject({
      text: 'Wie hoch ist das Budget?',
      originalText: 'Wie hoch ist das Budgte?',
      edits: [{ by: mod.personId, from: 'Wie hoch ist das Budgte?', to: 'Wie hoch ist das Budget?' }],
    });
    const record = await api(app.url, 'GET', `/api/sessions/${sessionId}/questions/record`, { token: mod.token });
    expect(record.status).toBe(200);
    expect(record.body.find((r: { id: string }) => r.id === main)).toMatchObject({ text: 'Wie hoch ist das Budget?', originalText: 'Wie hoch ist das Budgte?', votes: 3, status: 'approved' });
    expect(record.body.find((r: { id: string }) => r.id === dup)).toMatchObject({ status: 'merged', mergedInto: main, votes: 0 });
    const csv = await api(app.url, 'GET', `/api/sessions/${sessionId}/questions/export?format=csv`, { token: mod.token });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain(`${main},`);
    expect(csv.body).toContain('Wie hoch ist das Budget?,Wie hoch ist das Budgte?');
    const md = await api(app.url, 'GET', `/api/sessions/${sessionId}/questions/export?format=md`, { token: mod.token });
    expect(md.body).toContain('## Fragen');
    expect(md.body).toContain('| Wie hoch ist das Budget? (bearbeitet) |');
    expect(md.body).toContain('(anonym)');
    // Attendees read the public list but not the record.
    expect((await api(app.url, 'GET', `/api/sessions/${sessionId}/questions/record`, { token: people[9].token })).status).toBe(403);
    const list = await api(app.url, 'GET', `/api/sessions/${sessionId}/questions`, { token: people[9].token });
    expect(list.status).toBe(200);
    expect(JSON.stringify(list.body)).not.toContain(people[6].personId);
  });

  it('"Zur Frage aufs Podium" ends with the asker queued with the question as topic and invited to a chair', async () => {
    const lena = await attendee(people[11]);
    const fbMod = await connectFishbowl(app.url, mod.token);
    const fbLena = await connectFishbowl(app.url, people[11].token);
    try {
      const first = await joinFishbowl(fbMod, sessionId);
      await joinFishbowl(fbLena, sessionId);
      const started = await sendFishbowl(fbMod, 'fishbowl:start', { sessionId, expectedVersion: first.version });
      expect(started.ok).toBe(true);
      const q = await ask(lena, 'Darf ich das selbst auf dem Podium erklären?', { origin: 'hall' });
      await qok(modSocket, 'questions:approve', { sessionId, questionId: q });
      // Not for attendees.
      expect(await qsend(lena, 'questions:to-podium', { sessionId, questionId: q })).toMatchObject({ error: { code: 'FORBIDDEN', details: { reason: 'MODERATORS_ONLY' } } });
      const v = await qok(modSocket, 'questions:to-podium', { sessionId, questionId: q });
      // Twice is no second invitation.
      expect(await qok(modSocket, 'questions:to-podium', { sessionId, questionId: q })).toBe(v);
      const view = await untilFishbowl(fbLena, (x) => x.invitations.some((i) => i.personId === people[11].personId));
      expect(view.queue.find((e) => e.personId === people[11].personId)).toMatchObject({ topic: 'Darf ich das selbst auf dem Podium erklären?', where: 'hall', invited: true });
      await eventually(() => modQuestion(q)?.invitedToPodiumAt !== null && modQuestion(q)?.invitedToPodiumAt !== undefined);
      // The asker accepts like any invitation and sits on the chair.
      expect((await sendFishbowl(fbLena, 'fishbowl:accept', { sessionId })).ok).toBe(true);
      await untilFishbowl(fbLena, (x) => x.chairs.some((c) => c.occupant?.personId === people[11].personId));
      const record = await api(app.url, 'GET', `/api/sessions/${sessionId}/questions/record`, { token: mod.token });
      expect(record.body.find((r: { id: string }) => r.id === q)).toMatchObject({ toPodium: true, origin: 'hall' });
    } finally {
      fbMod.disconnect();
      fbLena.disconnect();
    }
  });

  it('a guest put on the podium from their question: the record names the moderator for queueing and inviting, the guest for accepting (issue 14)', async () => {
    await app.podium.dataSource.query('UPDATE conference SET allow_guests = true WHERE slug = $1', [slug]);
    const signedIn = await api(app.url, 'POST', `/api/conferences/${slug}/guests`, { body: { displayName: 'Gerda Gast' } });
    expect(signedIn.status).toBe(201);
    const guest = { token: signedIn.body.token as string, personId: signedIn.body.person.id as string };
    const gerda = await attendee({ ...guest, name: 'Gerda Gast' });
    const fbGerda = await connectFishbowl(app.url, guest.token);
    try {
      await joinFishbowl(fbGerda, sessionId); // the fishbowl runs since the test before
      const q = await ask(gerda, 'Kann ich als Gast mitreden?', { origin: 'remote' });
      await qok(modSocket, 'questions:approve', { sessionId, questionId: q });
      await qok(modSocket, 'questions:to-podium', { sessionId, questionId: q });
      const invited = await untilFishbowl(fbGerda, (x) => x.invitations.some((i) => i.personId === guest.personId));
      expect(invited.invitations.find((i) => i.personId === guest.personId)).toMatchObject({ guest: true });
      expect((await sendFishbowl(fbGerda, 'fishbowl:accept', { sessionId })).ok).toBe(true);
      const seated = await untilFishbowl(fbGerda, (x) => x.chairs.some((c) => c.occupant?.personId === guest.personId));
      expect(seated.chairs.find((c) => c.occupant?.personId === guest.personId)?.occupant).toMatchObject({ guest: true });
      const log: Array<{ type: string; actor: { personId: string; role: string }; guest: boolean | null }> = await app.podium.dataSource.query(
        `SELECT type, actor, (payload->>'guest')::boolean AS guest FROM fishbowl_event WHERE session_id = $1 AND payload->>'personId' = $2 ORDER BY version`,
        [sessionId, guest.personId],
      );
      expect(log.map((e) => [e.type, e.actor.personId, e.actor.role, e.guest])).toEqual([
        ['seat-requested', mod.personId, 'moderator', true],
        ['guest-invited', mod.personId, 'moderator', null],
        ['invitation-accepted', guest.personId, 'guest', null],
      ]);
    } finally {
      fbGerda.disconnect();
    }
  });

  it('refuses a payload that claims mayTakeChair, unknown fields, and more than three questions a minute', async () => {
    const s = await attendee(people[1]);
    expect(await qsend(s, 'questions:ask', { sessionId, questionId: newId(), text: 'x', origin: 'remote', mayTakeChair: true })).toMatchObject({ error: { code: 'VALIDATION', details: { field: 'mayTakeChair' } } });
    expect(await qsend(s, 'questions:upvote', { sessionId })).toMatchObject({ error: { code: 'VALIDATION', details: { field: 'questionId' } } });
    // people[1] has asked nothing yet: three pass, the fourth is refused by the domain rule.
    for (const n of [1, 2, 3]) await ask(s, `Frage ${n}`);
    expect(await qsend(s, 'questions:ask', { sessionId, questionId: newId(), text: 'Frage 4', origin: 'remote' })).toMatchObject({ error: { code: 'RATE_LIMITED', details: { reason: 'QUESTIONS_PER_MINUTE' } } });
  });
});
