import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import { Server } from 'socket.io';

/**
 * The baseline, run as its own process: a plain Socket.IO server that broadcasts a payload of the
 * given size to every client whenever a client sends 'go' (as our api broadcasts a view per change).
 * With BARE_PAYLOAD_FILE (a JSON object, e.g. our own view), it broadcasts that object with a new
 * `version` and `now` (the emit instant, as our broadcaster sets it): the same bytes and the same shape,
 * so the clients' work costs the same on both sides and `delivery` (arrival − now) means the same.
 * Each 'go' is broadcast at once: no coalescing, every change goes to every client.
 */
const bytes = Number(process.env.BARE_PAYLOAD_BYTES ?? 2000);
const http = createServer();
const io = new Server(http, { transports: ['websocket'], maxHttpBufferSize: 64 * 1024, pingInterval: 10000, pingTimeout: 8000 });
// BARE_REDIS_URL: several bare processes over one Redis adapter, as our api processes are (a key of its own).
if (process.env.BARE_REDIS_URL) {
  const pub = new Redis(process.env.BARE_REDIS_URL);
  io.adapter(createAdapter(pub, pub.duplicate(), { key: 'podium-bench-bare' }));
}
let version = 0;
const pad = 'x'.repeat(Math.max(0, bytes - 40));
const shaped = process.env.BARE_PAYLOAD_FILE ? (JSON.parse(readFileSync(process.env.BARE_PAYLOAD_FILE, 'utf8')) as Record<string, unknown>) : null;
io.on('connection', (socket) => {
  socket.on('go', (ack?: (v: number) => void) => {
    version++;
    io.emit('state', shaped ? { ...shaped, version, now: Date.now() } : { version, now: Date.now(), pad });
    if (typeof ack === 'function') ack(version);
  });
});
// A normal exit on SIGTERM, so that --cpu-prof (BENCH_BARE_NODE_ARGS) writes its profile.
process.on('SIGTERM', () => process.exit(0));
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});
