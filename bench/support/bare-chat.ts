import { createServer } from 'node:http';
import { Server } from 'socket.io';

/**
 * The chat baseline, run as its own process: a plain Socket.IO server on `/chat` that answers a join and
 * relays every `chat:post` to everyone as a `chat:message` of the same shape our api sends (tokens, seq,
 * author), at once: no database, no rules, no access checks.
 */
const http = createServer();
const io = new Server(http, { transports: ['websocket'], maxHttpBufferSize: 64 * 1024, pingInterval: 10000, pingTimeout: 8000 });
let seq = 0;
const chat = io.of('/chat');
chat.on('connection', (socket) => {
  socket.on('chat:join', (p: { roomId: string }, ack?: (b: unknown) => void) => {
    void socket.join(p.roomId);
    ack?.({ ok: true, room: { roomId: p.roomId, slowModeSeconds: null, moderator: false, mutedUntil: null }, messages: [], moderation: null });
  });
  // How many messages were relayed (the bench's count of what should arrive).
  socket.on('chat:count', (ack?: (n: number) => void) => ack?.(seq));
  socket.on('chat:post', (p: { roomId: string; messageId: string; text: string }, ack?: (b: unknown) => void) => {
    seq++;
    chat.to(p.roomId).emit('chat:message', { roomId: p.roomId, id: p.messageId, seq, authorId: socket.id, authorName: 'Teilnehmerin', at: Date.now(), tokens: [{ kind: 'text', text: p.text }], deleted: false });
    ack?.({ ok: true, seq });
  });
});
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  process.send!({ port: typeof address === 'object' && address ? address.port : 0 });
});
