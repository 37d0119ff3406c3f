// Two LiveKit nodes in distributed mode over Redis: the api serves rooms on either node, and the rooms of a killed node are served again.
import { dispose, type Room } from '@livekit/rtc-node';
import Redis from 'ioredis';
import { RoomServiceClient } from 'livekit-server-sdk';
import { roomNameFor } from '@podium/livestream';
import type { LocalLiveKitCluster } from '../../apps/api/src/livestream/local-livekit-cluster';
import { StageReconciler } from '../../apps/api/src/livestream/reconciler';
import { api, startTestApp, type TestApp } from '../support/app';
import { startTestLiveKitCluster } from '../support/livekit';
import { signIn } from '../support/people';
import { createSession, sessionPerson } from '../livestream/fixtures';
import { connect, disconnectAll, eventually, micOptions, sineMicrophone } from '../livestream/rtc';

jest.setTimeout(120_000);

let cluster: LocalLiveKitCluster & { redisUrl: string };
let app: TestApp;
let redis: Redis;
let rooms: RoomServiceClient;
const mics: { stop(): void }[] = [];

interface Placed {
  session: string;
  room: string;
  moderator: { token: string; personId: string };
}

/** LiveKit's own record of which node hosts a room (its room_node_map in Redis). */
const nodeOf = async (room: string) => redis.hget('room_node_map', room);
const joinGrant = async (session: string, token: string): Promise<{ url: string; token: string }> => {
  const res = await api(app.url, 'POST', `/api/sessions/${session}/join`, { token });
  if (res.status !== 200) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
const canPublish = async (room: string, identity: string) => (await rooms.getParticipant(room, identity)).permission?.canPublish === true;

beforeAll(async () => {
  cluster = await startTestLiveKitCluster(2, { logLevel: 'warn' });
  redis = new Redis(cluster.redisUrl);
  app = await startTestApp('scale-lk-nodes', {
    livekit: { status: 'external', url: cluster.url, apiKey: cluster.apiKey, apiSecret: cluster.apiSecret },
    env: { LIVEKIT_RECONCILE_SECONDS: '1' },
  });
  rooms = new RoomServiceClient(cluster.httpUrl, cluster.apiKey, cluster.apiSecret);
});

afterAll(async () => {
  for (const m of mics) m.stop();
  await disconnectAll();
  await app?.stop();
  await cluster?.stop();
  redis?.disconnect();
  await dispose();
});

describe('LiveKit on two nodes', () => {
  const placed: Placed[] = [];

  it('the api creates rooms that LiveKit spreads over both nodes', async () => {
    const [first, second] = cluster.nodes.map((n) => n.nodeId);
    expect(first).toMatch(/^ND_/);
    expect(second).toMatch(/^ND_/);
    expect(second).not.toBe(first);
    // LiveKit places each new room on a random available node: sessions until each node hosts one (2^-15 to miss).
    const byNode = new Map<string, Placed>();
    for (let i = 0; i < 16 && byNode.size < 2; i++) {
      const session = await createSession(app, { title: `Mehrknoten ${i}` });
      const moderator = await sessionPerson(app, session, 'moderator', `Mo ${i}`);
      await joinGrant(session, moderator.token);
      const room = roomNameFor(session, 'stage');
      const node = await nodeOf(room);
      expect([first, second]).toContain(node);
      if (!byNode.has(node!)) byNode.set(node!, { session, room, moderator });
    }
    expect([...byNode.keys()].sort()).toEqual([first, second].sort());
    placed.push(byNode.get(first)!, byNode.get(second)!);
  });

  const onStage: { room: Room; personId: string; grant: { url: string; token: string } }[] = [];

  it('joins and stage changes work in a room on either node (the entry relays to the node that hosts it)', async () => {
    for (const [i, p] of placed.entries()) {
      const person = await signIn(app, 'attendee', `Gast ${i}`, 'buko-2020');
      const grant = await joinGrant(p.session, person.token);
      expect(grant.url).toBe(cluster.url);
      const room = await connect(grant.url, grant.token);
      expect(await canPublish(p.room, person.personId)).toBe(false);
      const res = await api(app.url, 'POST', `/api/sessions/${p.session}/stage/${person.personId}`, { token: p.moderator.token, body: { onStage: true } });
      expect(res.body).toMatchObject({ onStage: true, connected: true, applied: true });
      expect(await canPublish(p.room, person.personId)).toBe(true);
      onStage.push({ room, personId: person.personId, grant });
    }
  });

  it('after the node hosting a room is killed, the room is served by the other node and the reconciler restores the stage', async () => {
    const [survivor, victim] = cluster.nodes;
    const [kept, moved] = placed;
    const reconciler = app.podium.app.get(StageReconciler);
    const lost = onStage[1];
    // LiveKit keeps participant records in Redis: only a new participant sid proves the rejoin.
    const sidBefore = (await rooms.getParticipant(moved.room, lost.personId)).sid;
    await victim.kill();

    // While the room has no node, the moderator takes the person off stage: recorded, LiveKit cannot apply it yet.
    const demotionsBefore = reconciler.stats.demotions;
    const off = await api(app.url, 'POST', `/api/sessions/${moved.session}/stage/${lost.personId}`, { token: moved.moderator.token, body: { onStage: false } });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ onStage: false, applied: false });

    // rtc-node reconnects by itself through the entry node; LiveKit moves the room to a living node (once the victim's stats are 5 s stale).
    const rejoined = await eventually(async () => {
      const p = await rooms.getParticipant(moved.room, lost.personId);
      return p.sid !== sidBefore && p;
    }, 60_000, 'participant rejoined');
    expect(await nodeOf(moved.room)).toBe(survivor.nodeId);
    expect(rejoined.identity).toBe(lost.personId);
    // It comes back with the grants of its last token (LiveKit refreshed it on the stage change), a publisher ...
    // ... until the reconciler applies what the database says.
    await eventually(async () => !(await canPublish(moved.room, lost.personId)), 30_000, 'the reconciler took the person off stage');
    expect(reconciler.stats.demotions).toBeGreaterThan(demotionsBefore);

    // Stage changes go on in the moved room, applied at once, and the person publishes on the new node.
    const on = await api(app.url, 'POST', `/api/sessions/${moved.session}/stage/${lost.personId}`, { token: moved.moderator.token, body: { onStage: true } });
    expect(on.body).toMatchObject({ onStage: true, connected: true, applied: true });
    expect(await canPublish(moved.room, lost.personId)).toBe(true);
    const m = sineMicrophone();
    mics.push(m);
    await lost.room.localParticipant!.publishTrack(m.track, micOptions());
    await eventually(async () => (await rooms.getParticipant(moved.room, lost.personId)).tracks.length === 1, 20_000, 'track on the new node');

    // The room that was on the survivor never moved and kept its stage.
    expect(await nodeOf(kept.room)).toBe(survivor.nodeId);
    expect(await canPublish(kept.room, onStage[0].personId)).toBe(true);
    // And a new join into the moved room works.
    const late = await signIn(app, 'attendee', 'Spät', 'buko-2020');
    const grant = await joinGrant(moved.session, late.token);
    await connect(grant.url, grant.token);
    await eventually(async () => (await rooms.listParticipants(moved.room)).some((p) => p.identity === late.personId), 20_000, 'late joiner listed');
  });
});
