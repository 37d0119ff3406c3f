import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * The votes baseline, its own process: a bare Socket.IO server that takes the same upvote event, counts
 * each voter (its handshake token) once in memory and acks `{ ok, version }`; no database, no pipeline.
 */
const http = createServer();
const io = new Server(http, { transports: ['websocket'], maxHttpBufferSize: 64 * 1024 });
const voters = new Map<string, Set<string>>();
let version = 0;
io.of('/questions').on('connection', (socket) => {
  const voter = String((socket.handshake.auth as { token?: unknown }).token);
  socket.on('questions:upvote', (payload: { questionId?: string }, ack?: (body: object) => void) => {
    const id = String(payload?.questionId);
    const set = voters.get(id) ?? new Set<string>();
    voters.set(id, set);
    if (!set.has(voter)) {
      set.add(voter);
      version++;
    }
    if (typeof ack === 'function') ack({ ok: true, version });
  });
});
process.on('message', (m: { type: string }) => {
  if (m.type === 'count') process.send!({ counts: Object.fromEntries([...voters].map(([id, s]) => [id, s.size])) });
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});
