import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { io } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import type { FishbowlJoinAck } from '@podium/contracts';
import { openDatabase } from '../../apps/api/src/database/data-source';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { TEST_REDIS_URL } from '../support/services';
import { createFishbowl, essence, follow, insertPeople, ok, sessionTokens, until, type Client } from '../fishbowl/support';
import { renderNginxConf, startNginx, type Nginx } from './support/nginx';

const SECRET = 'scale-proxy-secret-0123456789-abcdefghij';

/** The replica the proxy sent the latest request to, from the access log's upstream= field. */
function lastUpstream(nginx: Nginx): number {
  const line = nginx.accessLog().at(-1) ?? '';
  const m = / upstream=127\.0\.0\.1:(\d+)$/.exec(line);
  if (!m) throw new Error(`no upstream in the last access log line: "${line}"`);
  return Number(m[1]);
}

describe('docker/nginx.conf rendered for loopback', () => {
  it('puts in the ports and temp paths and keeps the rest (websocket upgrade, sticky hashing)', () => {
    const conf = 'http {\n  upstream u {\n    ip_hash;\n    server api:3000;\n  }\n  access_log /var/log/nginx/access.log podium;\n  server {\n    listen 8080;\n  }\n}\n';
    expect(renderNginxConf(conf, '/t', 9000, [7001, 7002])).toBe(
      'http {\n  client_body_temp_path /t/client_body;\n  proxy_temp_path /t/proxy;\n  fastcgi_temp_path /t/fastcgi;\n  uwsgi_temp_path /t/uwsgi;\n  scgi_temp_path /t/scgi;\n' +
        '  upstream u {\n    ip_hash;\n    server 127.0.0.1:7001;\n    server 127.0.0.1:7002;\n  }\n  access_log /t/access.log podium;\n  server {\n    listen 127.0.0.1:9000;\n  }\n}\n',
    );
    expect(() => renderNginxConf('http { listen 8080; }', '/t', 1, [2])).toThrow(/server api:3000;/);
  });
});

/** Three built api processes over one PostgreSQL and Redis, behind Debian's nginx with the shipped configuration. */
describe('api processes behind nginx', () => {
  let database: TestDatabase;
  let db: DataSource;
  let dir: string;
  let nginx: Nginx | undefined;
  const servers: ServerProcess[] = [];
  const sockets: Client[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('scale-proxy');
    dir = mkdtempSync(joinPath(tmpdir(), 'podium-proxy-'));
    db = await openDatabase({ url: database.url, poolSize: 2 });
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      JWT_SECRET: SECRET,
      PODIUM_DATA_DIR: dir,
      LIVEKIT_DISABLED: 'true',
      PODIUM_SEED_DEMO: 'false',
      TRUST_PROXY: '1',
    };
    // One after the other: the first migrates the database.
    for (let i = 0; i < 3; i++) servers.push(await startServerProcess(env));
    nginx = await startNginx(joinPath(dir, 'nginx'), servers.map((s) => s.port));
  }, 120_000);

  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await nginx?.stop();
    for (const s of servers) await s.stop('SIGKILL');
    await db?.destroy();
    await database?.drop();
    rmSync(dir, { recursive: true, force: true });
  });


  it('keeps a client\'s fishbowl state when the api process it was on is SIGKILLed and it reconnects to another', async () => {
    const { conferenceId, sessionId } = await createFishbowl(db);
    const tokens = sessionTokens(SECRET);
    const [mod] = await insertPeople(db, tokens, conferenceId, 1, 'moderator', 'Moderatorin');
    const guests = await insertPeople(db, tokens, conferenceId, 4);

    // Sticky by address: every loopback request lands on the same replica; the access log names it.
    const health = await fetch(`${nginx!.url}/health`);
    expect([200, 503]).toContain(health.status);
    const first = lastUpstream(nginx!);
    const victim = servers.find((s) => s.port === first)!;
    expect(victim).toBeDefined();

    const moderator = await follow(nginx!.url, mod, sessionId, sockets);
    const clients = await Promise.all(guests.map((g) => follow(nginx!.url, g, sessionId, sockets)));
    let v = await ok(moderator, 'fishbowl:start', { sessionId, expectedVersion: 0 });
    for (const c of clients) v = Math.max(v, await ok(c, 'fishbowl:ask', { sessionId, where: 'remote' }));
    v = await ok(moderator, 'fishbowl:invite', { sessionId, personId: guests[0].personId, expectedVersion: v });
    v = await ok(clients[0], 'fishbowl:accept', { sessionId });
    const before = await until(clients[3], (x) => x.version === v);
    expect(before.chairs.filter((c) => c.occupant).map((c) => c.occupant!.personId)).toEqual([guests[0].personId]);
    expect(before.queue.map((q) => q.personId)).toEqual([guests[1].personId, guests[2].personId, guests[3].personId]);

    // Long-polling works through the proxy only because it is sticky: a polling client joins and sees the same state.
    const polling = io(`${nginx!.url}/fishbowl`, { auth: { token: guests[3].token }, transports: ['polling'], forceNew: true, reconnection: false });
    try {
      const ack = (await polling.timeout(10_000).emitWithAck('fishbowl:join', { sessionId })) as FishbowlJoinAck;
      expect(ack.ok && essence(ack.view)).toEqual(essence(before));
      expect(polling.io.engine.transport.name).toBe('polling');
    } finally {
      polling.disconnect();
    }

    expect(await victim.stop('SIGKILL')).toBeNull();
    // Every websocket was on the killed replica: all of them close.
    for (let i = 0; i < 100 && [moderator, ...clients].some((c) => c.connected); i++) await new Promise((r) => setTimeout(r, 50));
    expect([moderator, ...clients].filter((c) => c.connected)).toHaveLength(0);

    // socket.io-client reconnects through the same proxy, which sends it to a living replica; the re-join brings the state.
    const after = await Promise.all([moderator, ...clients].map((c) => until(c, (x) => x.version === v && c.connected, 20_000)));
    for (const view of after) expect(essence(view)).toEqual(essence(before));
    await fetch(`${nginx!.url}/health`);
    const second = lastUpstream(nginx!);
    expect(second).not.toBe(first);
    expect(servers.filter((s) => s !== victim).map((s) => s.port)).toContain(second);

    // And the fishbowl goes on through the new replica.
    const next = await ok(moderator, 'fishbowl:invite', { sessionId, personId: guests[1].personId, expectedVersion: v });
    expect(next).toBe(v + 1);
    const seen = await Promise.all(clients.map((c) => until(c, (x) => x.version === next)));
    for (const view of seen) expect(view.invitations.map((i) => i.personId)).toEqual([guests[1].personId]);
  }, 120_000);
});
