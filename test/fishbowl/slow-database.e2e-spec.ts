import { Client as PgClient } from 'pg';
import { io, type Socket } from 'socket.io-client';
import type { FishbowlJoinAck } from '@podium/contracts';
import { startTestApp, type TestApp } from '../support/app';
import { connect, createFishbowl, createPeople, send, sleep, type Client } from './support';

/** The api's pool (10 connections) waits 5 s for a free connection; the lock below is held longer than that. */
const POOL_SIZE = 10;
const HOLD_AFTER_SATURATION_MS = 6000;
const CLIENTS = 40;

/**
 * A briefly slow database (a lock held by someone else, the pool exhausted) must make reconnecting
 * clients wait, not refuse them: a refused handshake ends socket.io-client's automatic reconnection.
 */
describe('sockets while the database is briefly slow', () => {
  let app: TestApp;
  const sockets: Client[] = [];
  const programmeSockets: Socket[] = [];

  beforeAll(async () => {
    app = await startTestApp('slow-database', { livekit: false, seedDemo: false });
  });

  afterAll(async () => {
    for (const s of [...sockets, ...programmeSockets]) s.disconnect();
    await app?.stop();
  });

  /** Holds an exclusive lock on the tables until the api's whole pool waits on it, then a while longer. */
  async function slowDown(tables: string[]): Promise<() => Promise<void>> {
    const holder = new PgClient({ connectionString: app.database.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`LOCK TABLE ${tables.join(', ')} IN ACCESS EXCLUSIVE MODE`);
    return async () => {
      for (let i = 0; i < 300; i++) {
        const [{ waiting }] = (
          await holder.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = $1 AND application_name = 'podium' AND wait_event_type = 'Lock'`, [app.database.name])
        ).rows;
        if (waiting >= POOL_SIZE) break;
        await sleep(50);
      }
      await sleep(HOLD_AFTER_SATURATION_MS);
      await holder.query('COMMIT');
      await holder.end();
    };
  }

  it('lets every valid handshake and join through once the database answers again', async () => {
    const db = app.podium.dataSource;
    const { conferenceId, sessionId, slug } = await createFishbowl(db);
    const people = await createPeople(app, conferenceId, CLIENTS);

    // Handshakes: the token check reads `person`; 30 of 40 wait longer for a connection than the pool allows.
    const release = await slowDown(['person']);
    const refusals: string[] = [];
    const connecting = people.map((p) =>
      connect(app.url, p.token, { reconnection: false }).then(
        (socket) => sockets.push(socket),
        (error: Error & { data?: { code?: string } }) => refusals.push(error.data?.code ?? error.message),
      ),
    );
    await release();
    await Promise.all(connecting);
    expect(refusals).toEqual([]);
    expect(sockets).toHaveLength(CLIENTS);

    // Joins: the roles live in `conference_role`, the token re-check in `person`.
    await sleep(5100); // past the gateway's 5 s re-check interval, so the joins re-read the token too
    const releaseAgain = await slowDown(['person', 'conference_role']);
    const joining = sockets.map((s) => send<FishbowlJoinAck>(s, 'fishbowl:join', { sessionId }, 30_000));
    await releaseAgain();
    const acks = await Promise.all(joining);
    expect(acks.filter((a) => !a.ok)).toEqual([]);
    expect(acks.map((a) => a.ok && a.view.sessionId)).toEqual(people.map(() => sessionId));

    // Programme subscriptions of signed-in people to an unpublished conference: a token check that could not
    // run must not turn them into anonymous visitors (who would be told the conference does not exist).
    await db.query(`UPDATE conference SET published = false WHERE id = $1`, [conferenceId]);
    for (const p of people) {
      const socket = io(`${app.url}/programme`, { auth: { token: p.token }, transports: ['websocket'], forceNew: true });
      programmeSockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
    }
    const releaseOnceMore = await slowDown(['person']);
    const subscribing = programmeSockets.map((s) => s.timeout(30_000).emitWithAck('programme:subscribe', { slug }) as Promise<{ ok?: boolean; error?: { code: string } }>);
    await releaseOnceMore();
    const subscribed = await Promise.all(subscribing);
    expect(subscribed.filter((a) => !a.ok)).toEqual([]);
  }, 120_000);
});
