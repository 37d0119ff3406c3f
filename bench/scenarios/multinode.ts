// Two LiveKit nodes and two api processes: rooms of many sessions, joins and stage changes, then one node killed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispose } from '@livekit/rtc-node';
import Redis from 'ioredis';
import { RoomServiceClient } from 'livekit-server-sdk';
import { Client } from 'pg';
import { liveKitRedisFromUrl, startLocalLiveKitCluster } from '../../apps/api/src/livestream/local-livekit-cluster';
import { findLiveKitBinary, startLocalLiveKitServer } from '../../apps/api/src/livestream/local-livekit-server';
import { createTestDatabase } from '../../test/support/database';
import { startServerProcess, type ServerProcess } from '../../test/support/server-process';
import { BENCH_JWT_SECRET, createRooms, disconnectAll, joinAll, stageChanges, type BenchRoom } from '../support/livestream-rooms';
import type { BenchOptions } from '../support/options';
import { progress } from '../support/progress';
import { ratio } from '../support/stats';
import type { Scenario } from './index';

const ROOT = join(__dirname, '..', '..', '..');
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Every room of the killed node back: on a living node, every participant rejoined (new sid), the stage as the database says. */
async function recovered(r: BenchRoom, livekit: RoomServiceClient, redis: Redis, victim: string, sids: Map<string, string>): Promise<boolean> {
  const node = await redis.hget('room_node_map', r.room);
  if (!node || node === victim) return false;
  const listed = await livekit.listParticipants(r.room);
  return r.people.every((p, i) => {
    const now = listed.find((x) => x.identity === p.personId);
    return now && now.sid !== sids.get(p.personId) && now.permission?.canPublish === (i === 0);
  });
}

async function apiProcesses(n: number, env: Record<string, string>): Promise<ServerProcess[]> {
  const out: ServerProcess[] = [];
  for (let i = 0; i < n; i++) out.push(await startServerProcess(env, { timeoutMs: 60_000 })); // one after the other: the first migrates
  return out;
}

export const multinode: Scenario = {
  name: 'multinode',
  summary: 'two LiveKit nodes, two api processes: rooms (--rooms 12, --participants 2 each), joins, stage changes, one node killed; baseline one node',
  async run(options: BenchOptions) {
    const roomCount = options.int('rooms', 12);
    const participants = Math.max(1, options.int('participants', 2));
    const nodeCount = 2;
    const apiCount = 2;
    const binary = findLiveKitBinary(ROOT);
    if (!binary) throw new Error('LiveKit server binary not found: run "npm run livekit:install"');
    const dataDir = mkdtempSync(join(tmpdir(), 'podium-bench-multinode-'));
    // A Redis database of its own: LiveKit nodes in one database form one cluster.
    const redisUrl = `${REDIS.replace(/\/\d*$/, '')}/${1 + Math.floor(Math.random() * 15)}`;
    const redis = new Redis(redisUrl);
    const database = await createTestDatabase('bench_multinode');
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const cluster = await startLocalLiveKitCluster({ nodes: nodeCount, redis: liveKitRedisFromUrl(redisUrl), binary, dir: join(dataDir, 'livekit'), apiKey: 'podium-bench', logLevel: 'warn' });
    const env = (lk: { url: string; apiKey: string; apiSecret: string }) => ({
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      LIVEKIT_URL: lk.url,
      LIVEKIT_API_KEY: lk.apiKey,
      LIVEKIT_API_SECRET: lk.apiSecret,
      LIVEKIT_RECONCILE_SECONDS: '2',
      JWT_SECRET: BENCH_JWT_SECRET,
      NODE_ENV: 'production',
      RATE_LIMIT_FACTOR: '100',
      PODIUM_SEED_DEMO: 'false',
      PODIUM_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
    });
    const apis: ServerProcess[] = [];
    const all: BenchRoom[] = [];
    try {
      apis.push(...(await apiProcesses(apiCount, env(cluster))));
      const urls = apis.map((a) => a.url);
      const livekit = new RoomServiceClient(cluster.httpUrl, cluster.apiKey, cluster.apiSecret);
      const rooms = await createRooms(db, roomCount, participants);
      all.push(...rooms);
      progress(`${nodeCount} LiveKit nodes, ${apiCount} api processes; ${roomCount} rooms x ${participants} rtc-node participants joining`);
      const joins = await joinAll(rooms, urls);
      const stage = await stageChanges(rooms, urls, livekit);
      const placement = await redis.hgetall('room_node_map');
      const ids = cluster.nodes.map((n) => n.nodeId);
      const roomsPerNode = ids.map((id) => rooms.filter((r) => placement[r.room] === id).length);
      progress(`joins ${joins.joins_ok}/${joins.joins}, stage changes ${stage.stage_changes_ok}/${stage.stage_changes}, rooms per node ${roomsPerNode.join('/')}`);

      // The entry node (0) stays: the api and the clients reach the cluster through it (in production a load balancer).
      const victim = cluster.nodes[1];
      const lost = rooms.filter((r) => placement[r.room] === victim.nodeId);
      const sids = new Map<string, string>();
      for (const r of lost) for (const p of await livekit.listParticipants(r.room)) sids.set(p.identity, p.sid);
      const timeoutMs = options.int('failover-timeout-ms', 90_000);
      progress(`killing node 1 (${victim.nodeId}) with ${lost.length} rooms; waiting up to ${timeoutMs} ms for them to come back`);
      const t0 = performance.now();
      await victim.kill();
      const back = new Map<string, number>();
      while (back.size < lost.length && performance.now() - t0 < timeoutMs) {
        for (const r of lost) {
          if (back.has(r.room)) continue;
          if (await recovered(r, livekit, redis, victim.nodeId, sids).catch(() => false)) back.set(r.room, performance.now() - t0);
        }
        await new Promise((res) => setTimeout(res, 250));
      }
      const failoverMs = back.size ? Math.round(Math.max(...back.values())) : null;
      progress(`${back.size}/${lost.length} rooms recovered${failoverMs !== null ? ` after ${failoverMs} ms` : ''}; baseline: the same on one node`);
      await disconnectAll(rooms);
      for (const a of apis.splice(0)) await a.stop();

      // Baseline: the same rooms, joins and stage changes on a single LiveKit node (no Redis routing).
      const single = await startLocalLiveKitServer({ binary, dir: join(dataDir, 'livekit-single'), apiKey: 'podium-bench', logLevel: 'warn' });
      try {
        apis.push(...(await apiProcesses(apiCount, env(single))));
        const baseRooms = await createRoomsAgain(db, roomCount, participants);
        all.push(...baseRooms);
        const baseJoins = await joinAll(baseRooms, apis.map((a) => a.url));
        const baseStage = await stageChanges(baseRooms, apis.map((a) => a.url), new RoomServiceClient(single.httpUrl, single.apiKey, single.apiSecret));
        await disconnectAll(baseRooms);
        return {
          livekit_nodes: nodeCount,
          api_processes: apiCount,
          rooms: roomCount,
          participants_per_room: participants,
          rooms_per_node: roomsPerNode,
          joins: joins.joins,
          joins_ok: joins.joins_ok,
          join_p50_ms: joins.p50_ms,
          join_p99_ms: joins.p99_ms,
          join_errors: joins.errors,
          stage_changes: stage.stage_changes,
          stage_changes_ok: stage.stage_changes_ok,
          stage_change_p50_ms: stage.p50_ms,
          failover: { rooms_on_killed_node: lost.length, rooms_recovered: back.size, ms: failoverMs },
          recovered_means: 'on a living node, every participant rejoined by itself (new sid), the first on stage and the others not',
          joined_means: 'POST /join through the api, then rtc-node connected (signal and media transport), autoSubscribe off',
          baseline: { livekit_nodes: 1, joins: baseJoins.joins, joins_ok: baseJoins.joins_ok, join_p50_ms: baseJoins.p50_ms, join_p99_ms: baseJoins.p99_ms, stage_changes_ok: baseStage.stage_changes_ok, stage_change_p50_ms: baseStage.p50_ms },
          ratio_join_p50: ratio(joins.p50_ms, baseJoins.p50_ms),
          ratio_stage_change_p50: ratio(stage.p50_ms, baseStage.p50_ms),
        };
      } finally {
        await single.stop();
      }
    } finally {
      await disconnectAll(all);
      await dispose();
      for (const a of apis) await a.stop();
      await cluster.stop();
      redis.disconnect();
      await db.end().catch(() => undefined);
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};

/** The baseline's rooms: new sessions in a second conference of the same database. */
async function createRoomsAgain(db: Client, rooms: number, participants: number): Promise<BenchRoom[]> {
  await db.query(`UPDATE conference SET slug = 'multinode-cluster' WHERE slug = 'multinode'`);
  return createRooms(db, rooms, participants);
}
