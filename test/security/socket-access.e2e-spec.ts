// Every socket command the running gateway listens to, sent by every role; refusals follow libs/fishbowl's checkRole.
import { commandFromSocket, COMMAND_OF_EVENT } from '@podium/fishbowl';
import { checkRole } from '../../libs/fishbowl/src/permissions';
import { allows } from '@podium/identity';
import { connect, send, type Client } from '../fishbowl/support';
import { api, startTestApp, type TestApp } from '../support/app';
import { gateways, listenedEvents, liveNamespaces } from './support/routes';
import { FISHBOWL_ROLE, samplePayload } from './support/sockets';
import { createWorld, PERSONAS, roleSetFor, type Persona, type World } from './support/world';

type Ack = { ok?: true; version?: number; error?: { code: string; message: string; details?: { reason?: string } } };
const SUBSCRIPTIONS = ['fishbowl:join', 'fishbowl:part'];
const NEVER_VERSION = 1_000_000_000;

describe('socket commands x roles', () => {
  let app: TestApp;
  let world: World;
  let events: string[];
  const sockets = new Map<Persona, Client>();

  beforeAll(async () => {
    app = await startTestApp('sec-sockets', { livekit: false, env: { RATE_LIMIT_FACTOR: '0' } });
    world = await createWorld(app);
    for (const persona of PERSONAS) if (persona !== 'anonymous') sockets.set(persona, await connect(app.url, world.tokens[persona]!, { reconnection: false }));
    await new Promise((r) => setTimeout(r, 50));
    events = listenedEvents(liveNamespaces(app).get('/fishbowl')!);
  });
  afterAll(async () => {
    for (const s of sockets.values()) s.disconnect();
    await app?.stop();
  });

  const version = async () => (await api(app.url, 'GET', `/api/sessions/${world.sessionId}/fishbowl`, { token: world.tokens.moderator })).body.version as number;

  it('finds the gateways and the fishbowl commands on a live socket; each is a known command or a subscription', () => {
    expect(gateways(app).map((g) => g.namespace)).toContain('/fishbowl');
    expect(events).toEqual(expect.arrayContaining([...SUBSCRIPTIONS, 'fishbowl:ask', 'fishbowl:invite']));
    const unknown = events.filter((e) => !SUBSCRIPTIONS.includes(e) && !Object.hasOwn(COMMAND_OF_EVENT, e));
    expect(unknown).toEqual([]);
  });

  it('refuses the handshake without a token (connect_error UNAUTHENTICATED)', async () => {
    await expect(connect(app.url, '', { reconnection: false })).rejects.toMatchObject({ data: { code: 'UNAUTHENTICATED' } });
  });

  it('gives FORBIDDEN to every role the fishbowl rules forbid, and changes nothing', async () => {
    const before = await version();
    const wrong: string[] = [];
    let checked = 0;
    for (const event of events.filter((e) => !SUBSCRIPTIONS.includes(e))) {
      for (const [persona, socket] of sockets) {
        if (!forbidden(persona, event, world)) continue;
        checked++;
        const ack = await send<Ack>(socket, event, samplePayload(event, world));
        if (ack.error?.code !== 'FORBIDDEN') wrong.push(`${persona} ${event}: ${JSON.stringify(ack)}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
    expect(await version()).toBe(before);
  });

  it('lets allowed roles past the role check (a stale version then stops them, so nothing changes)', async () => {
    const before = await version();
    const wrong: string[] = [];
    for (const event of events.filter((e) => !SUBSCRIPTIONS.includes(e))) {
      for (const [persona, socket] of sockets) {
        if (forbidden(persona, event, world)) continue;
        const ack = await send<Ack>(socket, event, samplePayload(event, world, NEVER_VERSION));
        if (ack.ok || ack.error?.code === 'FORBIDDEN') wrong.push(`${persona} ${event}: ${JSON.stringify(ack)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await version()).toBe(before);
  });

  it('lets "other" (another conference) not even subscribe', async () => {
    const ack = await send<Ack>(sockets.get('other')!, 'fishbowl:join', { sessionId: world.sessionId });
    expect(ack.error?.code).toBe('FORBIDDEN');
  });
});

/** Outsiders fail session.attend; everyone else is judged by checkRole on the command they sent. */
function forbidden(persona: Persona, event: string, world: World): boolean {
  if (persona === 'anonymous') return true;
  if (!allows('session.attend', roleSetFor(persona, { kind: 'action', action: 'session.attend', scope: { sessionIdParam: 'id' } }))) return true;
  const role = FISHBOWL_ROLE[persona as keyof typeof FISHBOWL_ROLE];
  const parsed = commandFromSocket(event as keyof typeof COMMAND_OF_EVENT, samplePayload(event, world), { personId: world.personIds[persona as 'attendee'], displayName: persona, role });
  if (!('command' in parsed)) throw new Error(`sample payload for ${event} is invalid: ${parsed.message}`);
  return checkRole(parsed.command) !== undefined;
}
