// Sockets that only listen are checked again: an expired token, a withdrawn invitation or a deleted account ends them.
import { JwtService } from '@nestjs/jwt';
import { connect, send, type Client } from '../fishbowl/support';
import { api, startTestApp, type TestApp } from '../support/app';
import { createWorld, type World } from './support/world';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves with the `exception` a socket received before it was disconnected by the server, or null after `ms`. */
function ended(socket: Client, ms: number): Promise<{ code: string; message: string; reason: string } | null> {
  return new Promise((resolve) => {
    let error: { code: string; message: string } | null = null;
    socket.on('exception', (e: { error: { code: string; message: string } }) => (error = e.error));
    const timer = setTimeout(() => resolve(null), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve({ code: error?.code ?? '(none)', message: error?.message ?? '', reason });
    });
  });
}

describe('listening sockets are checked again (SOCKET_RECHECK_SECONDS)', () => {
  let app: TestApp;
  let world: World;
  beforeAll(async () => {
    app = await startTestApp('sec-recheck', { livekit: false, env: { RATE_LIMIT_FACTOR: '0', SOCKET_RECHECK_SECONDS: '1' } });
    world = await createWorld(app);
  });
  afterAll(() => app?.stop());

  const listener = async (token: string) => {
    const socket = await connect(app.url, token, { reconnection: false });
    expect(await send(socket, 'fishbowl:join', { sessionId: world.sessionId })).toMatchObject({ ok: true });
    return socket;
  };

  it('ends a withdrawn invitation, an expired token and a deleted account; a valid listener stays', async () => {
    const invited = await api(app.url, 'POST', `/api/conferences/${world.slug}/invitations`, { token: world.tokens.organiser, body: { displayName: 'Zurückgezogen', role: 'attendee' } });
    const redeemed = await api(app.url, 'POST', '/api/auth/redeem', { body: { token: invited.body.link.split('/signin/')[1] } });
    const withdrawn = await listener(redeemed.body.token);

    // A token that runs out 3 s from now, signed as the server signs them.
    const short = await new JwtService({ secret: app.podium.runtime.jwtSecret }).signAsync(
      { typ: 'session', sub: world.personIds.attendee },
      { issuer: 'podium', expiresIn: 3 },
    );
    const expiring = await listener(short);

    const doomed = await api(app.url, 'POST', `/api/conferences/${world.slug}/guests`, { body: { displayName: 'Gleich Gelöscht' } });
    const deleted = await listener(doomed.body.token);

    const valid = await listener(world.tokens.attendee!);
    const endings = Promise.all([ended(withdrawn, 15_000), ended(expiring, 15_000), ended(deleted, 15_000)]);
    expect((await api(app.url, 'DELETE', `/api/conferences/${world.slug}/invitations/${invited.body.invitationId}`, { token: world.tokens.organiser })).status).toBe(204);
    await app.podium.dataSource.query(`DELETE FROM person WHERE id = $1`, [doomed.body.person.id]);

    const [a, b, c] = await endings;
    expect(a).toEqual({ code: 'UNAUTHENTICATED', message: 'The invitation behind this session has been withdrawn', reason: 'io server disconnect' });
    expect(b).toEqual({ code: 'UNAUTHENTICATED', message: 'Your session has expired; please sign in again', reason: 'io server disconnect' });
    expect(c).toEqual({ code: 'UNAUTHENTICATED', message: 'This account no longer exists', reason: 'io server disconnect' });
    // Two more rounds: the valid listener is still there.
    await sleep(2500);
    expect(valid.connected).toBe(true);
    valid.disconnect();
  });
});
