// LIVEKIT_NODES: several local LiveKit nodes in LiveKit's distributed mode, sharing one Redis (docs/scaling.md).
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { startLocalLiveKitServer, type LiveKitRedis, type LocalLiveKitOptions, type LocalLiveKitServer } from './local-livekit-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function redisClient(r: LiveKitRedis): Redis {
  const [host, port] = r.address.split(':');
  return new Redis({ host, port: Number(port), db: r.db, username: r.username, password: r.password, lazyConnect: true, maxRetriesPerRequest: 1 });
}

async function newNodeId(redis: Redis, before: ReadonlySet<string>, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const added = (await redis.hkeys('nodes')).filter((id) => !before.has(id));
    if (added.length === 1) return added[0];
    if (Date.now() > deadline) throw new Error(`could not tell the new LiveKit node in Redis (new ids: ${added.join(', ') || 'none'})`);
    await sleep(100);
  }
}

/** redis://[user:password@]host:port[/db] as LiveKit's redis section. */
export function liveKitRedisFromUrl(url: string): LiveKitRedis {
  const u = new URL(url);
  if (u.protocol !== 'redis:') throw new Error(`LiveKit needs a plain redis:// URL, not ${u.protocol}`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0) throw new Error(`bad Redis database in ${u.pathname}`);
  return {
    address: `${u.hostname}:${u.port || '6379'}`,
    db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
  };
}

export interface LocalLiveKitCluster {
  /** Node 0: the entry the api and clients use; LiveKit relays signalling to the node that hosts a room. */
  url: string;
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  nodes: LocalLiveKitServer[];
  stop(): Promise<void>;
}

/** N loopback nodes over one Redis with the same key pair, each with its own ports (LIVEKIT_NODES). */
export async function startLocalLiveKitCluster(opts: Omit<LocalLiveKitOptions, 'port' | 'rtcUdpPort'> & { nodes: number }): Promise<LocalLiveKitCluster> {
  if (!Number.isInteger(opts.nodes) || opts.nodes < 1) throw new Error(`a LiveKit cluster needs at least one node, not ${opts.nodes}`);
  if (opts.nodes > 1 && !opts.redis) throw new Error('several LiveKit nodes need Redis to share their rooms');
  const apiSecret = opts.apiSecret ?? randomBytes(24).toString('hex');
  const nodes: LocalLiveKitServer[] = [];
  const redis = opts.redis ? redisClient(opts.redis) : null;
  try {
    // One after the other: each start picks free ports the previous node now holds, and its id is the one new in LiveKit's node list.
    for (let i = 0; i < opts.nodes; i++) {
      const before = new Set(redis ? await redis.hkeys('nodes') : []);
      const node = await startLocalLiveKitServer({ ...opts, apiSecret });
      nodes.push(node);
      if (redis && !node.nodeId) node.nodeId = await newNodeId(redis, before, opts.startTimeoutMs ?? 20000);
    }
  } catch (error) {
    await Promise.all(nodes.map((n) => n.stop()));
    throw error;
  } finally {
    redis?.disconnect();
  }
  const [entry] = nodes;
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.stop()));
    // A killed node stays in LiveKit's node list until the next node starts in this database: forget ours now.
    const ids = nodes.map((n) => n.nodeId).filter(Boolean);
    if (!opts.redis || ids.length === 0) return;
    const client = redisClient(opts.redis);
    await client.hdel('nodes', ...ids).catch(() => undefined);
    client.disconnect();
  };
  return { url: entry.url, httpUrl: entry.httpUrl, apiKey: entry.apiKey, apiSecret, nodes, stop };
}
