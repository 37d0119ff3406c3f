// Unit spec: config text, binary lookup and process handling, with a fake server (no LiveKit needed).
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findLiveKitBinary,
  guardAgainstOrphans,
  renderLiveKitConfig,
  startLocalLiveKitServer,
  type LocalLiveKitOptions,
  type LocalLiveKitServer,
} from './local-livekit-server';
import { liveKitRedisFromUrl, startLocalLiveKitCluster } from './local-livekit-cluster';
import { freePort } from '../common/free-port';

const base = {
  port: 17880,
  rtcUdpPort: 17882,
  rtcTcpPort: 0,
  apiKey: 'devkey',
  apiSecret: 'x'.repeat(32),
  emptyTimeoutSec: 30,
  departureTimeoutSec: 5,
  logLevel: 'info' as const,
  webhookUrls: [] as string[],
};

// A stand-in for livekit-server: reads `port:` from the --config file and answers GET / with 200.
const FAKE = `#!/usr/bin/env node
const fs = require('fs');
const cfg = fs.readFileSync(process.argv[process.argv.indexOf('--config') + 1], 'utf8');
if (process.env.FAKE_MODE === 'crash') { console.error('boom: bind: address already in use'); process.exit(3); }
const port = Number(/^port: (\\d+)/m.exec(cfg)[1]);
console.error('fake livekit starting on', port);
if (process.env.FAKE_MODE === 'silent') { setInterval(() => {}, 1000); return; }
process.on('SIGTERM', () => { if (process.env.FAKE_MODE !== 'stubborn') process.exit(0); });
require('http').createServer((q, r) => r.end('OK')).listen(port, '127.0.0.1');
`;

const mode = (m: string) => ({ ...process.env, FAKE_MODE: m });

// Every server a test starts is stopped in afterEach, even when an expectation fails.
const running: LocalLiveKitServer[] = [];
const start = async (opts: LocalLiveKitOptions) => {
  const server = await startLocalLiveKitServer(opts);
  running.push(server);
  return server;
};
/** The start-up error message, or 'started'. */
const outcome = (opts: LocalLiveKitOptions): Promise<string> => start(opts).then(() => 'started', (e: Error) => e.message);

describe('local LiveKit server', () => {
  let dir: string;
  let fake: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'podium-lk-'));
    fake = join(dir, 'livekit-server');
    writeFileSync(fake, FAKE);
    chmodSync(fake, 0o755);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('renders the loopback-only config', () => {
    const yaml = renderLiveKitConfig(base);
    expect(yaml).toContain('bind_addresses: ["127.0.0.1"]');
    expect(yaml).toContain('  node_ip: 127.0.0.1');
    expect(yaml).toContain('  use_external_ip: false');
    expect(yaml).toContain('  enable_loopback_candidate: true');
    expect(yaml).toContain('    includes: ["127.0.0.1/32"]');
    expect(yaml).toContain('  stun_servers: []');
    expect(yaml).toContain(`  "devkey": "${'x'.repeat(32)}"`);
    expect(yaml).not.toContain('webhook');
  });

  it('adds the webhook block signed with the api key', () => {
    const yaml = renderLiveKitConfig({ ...base, webhookUrls: ['http://127.0.0.1:3000/livekit/webhook'] });
    expect(yaml).toContain('webhook:\n  api_key: "devkey"\n  urls: ["http://127.0.0.1:3000/livekit/webhook"]');
  });

  it('finds the binary in .tools/bin or LIVEKIT_BINARY, only when executable', () => {
    expect(findLiveKitBinary(dir, {})).toBeNull();
    expect(findLiveKitBinary('/nowhere', { LIVEKIT_BINARY: fake })).toBe(fake);
    chmodSync(fake, 0o644);
    expect(findLiveKitBinary('/nowhere', { LIVEKIT_BINARY: fake })).toBeNull();
  });

  it('picks free loopback ports', async () => {
    expect(await freePort('tcp')).toBeGreaterThan(0);
    expect(await freePort('udp')).toBeGreaterThan(0);
  });

  it('starts, answers, stops, and restarts on the same port', async () => {
    const first = await start({ binary: fake, dir, apiSecret: 's'.repeat(40) });
    expect(first.url).toBe(`ws://127.0.0.1:${first.port}`);
    expect((await fetch(first.httpUrl)).status).toBe(200);
    expect(readFileSync(first.logPath, 'utf8')).toContain('fake livekit starting');
    await first.stop();
    await expect(fetch(first.httpUrl)).rejects.toThrow();
    const again = await start({ binary: fake, dir, port: first.port, apiSecret: first.apiSecret });
    expect(again.httpUrl).toBe(first.httpUrl);
    await again.stop();
  });

  it('rejects short secrets', async () => {
    expect(await outcome({ binary: fake, dir, apiSecret: 'short' })).toMatch('32');
  });

  it('reports an early exit with the log tail', async () => {
    expect(await outcome({ binary: fake, dir, env: mode('crash') })).toMatch(/exited during start-up[\s\S]*address already in use/);
  });

  it('times out with the log tail when the server never answers', async () => {
    expect(await outcome({ binary: fake, dir, startTimeoutMs: 3000, env: mode('silent') })).toMatch(/did not answer[\s\S]*fake livekit starting/);
  });

  it('kills a server that ignores SIGTERM', async () => {
    const server = await start({ binary: fake, dir, stopTimeoutMs: 300, env: mode('stubborn') });
    await server.stop();
    expect(() => process.kill(server.pid, 0)).toThrow();
  });

  it('kills the server when its owner dies without stop()', async () => {
    const owner = spawn('sleep', ['30'], { stdio: 'ignore' });
    const orphan = spawn('sleep', ['30'], { stdio: 'ignore' });
    const orphanExit = new Promise((ok) => orphan.once('exit', ok));
    guardAgainstOrphans(orphan.pid!, owner.pid!);
    owner.kill('SIGKILL');
    await expect(orphanExit).resolves.toBeDefined();
  });
});

describe('several nodes (LIVEKIT_NODES)', () => {
  it('adds the shared Redis to the config, credentials only when given', () => {
    const text = renderLiveKitConfig({ ...base, redis: { address: '127.0.0.1:6379', db: 3 } });
    expect(text.endsWith('  level: info\nredis:\n  address: "127.0.0.1:6379"\n  db: 3\n')).toBe(true);
    expect(text).not.toContain('password');
    expect(renderLiveKitConfig({ ...base, redis: { address: 'r:6380', db: 0, password: 'pw' } })).toContain('redis:\n  address: "r:6380"\n  db: 0\n  password: "pw"\n');
    expect(renderLiveKitConfig(base)).not.toContain('redis:');
  });

  it('refuses several nodes without Redis, and runs one node as before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'podium-lk-cluster-'));
    const fake = join(dir, 'livekit-server');
    writeFileSync(fake, FAKE);
    chmodSync(fake, 0o755);
    try {
      await expect(startLocalLiveKitCluster({ nodes: 2, binary: fake, dir })).rejects.toThrow('several LiveKit nodes need Redis to share their rooms');
      await expect(startLocalLiveKitCluster({ nodes: 0, binary: fake, dir })).rejects.toThrow(/at least one node/);
      const one = await startLocalLiveKitCluster({ nodes: 1, binary: fake, dir, apiSecret: 's'.repeat(32) });
      expect(one.nodes).toHaveLength(1);
      expect(one.url).toBe(`ws://127.0.0.1:${one.nodes[0].port}`);
      expect(readFileSync(one.nodes[0].configPath, 'utf8')).not.toContain('redis:');
      await one.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads redis:// URLs as LiveKit wants them', () => {
    expect(liveKitRedisFromUrl('redis://127.0.0.1:6379')).toEqual({ address: '127.0.0.1:6379', db: 0 });
    expect(liveKitRedisFromUrl('redis://cache/7')).toEqual({ address: 'cache:6379', db: 7 });
    expect(liveKitRedisFromUrl('redis://u:p%40ss@cache:6380/2')).toEqual({ address: 'cache:6380', db: 2, username: 'u', password: 'p@ss' });
    expect(() => liveKitRedisFromUrl('rediss://cache')).toThrow(/plain redis/);
    expect(() => liveKitRedisFromUrl('redis://cache/x')).toThrow(/bad Redis database/);
  });
});
