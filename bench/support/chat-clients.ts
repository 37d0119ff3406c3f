import WebSocket from 'ws';

/**
 * A chat load generator, run as its own process (child_process.fork): many bare WebSockets speaking the
 * Engine.IO v4 / Socket.IO v5 text protocol on `/chat` (as the fanout bench's `raw` clients do): each
 * joins the room and, per `chat:message(s)` frame, reads only the senders' timestamps (`t=<ms>` in each text)
 * by a string search, no JSON parse, so the generators take as little as possible from the servers.
 */
export type ChatWorkerRequest =
  | { id: number; type: 'connect'; url: string; tokens: string[]; roomId: string }
  | { id: number; type: 'collect' }
  | { id: number; type: 'close' };

const NS = '/chat';
const now = () => performance.timeOrigin + performance.now();
const sockets: WebSocket[] = [];
let latencies: number[] = [];
let received = 0;

function connect(url: string, token: string, roomId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
    const timer = setTimeout(() => reject(new Error('join timed out')), 60_000);
    let joined = false;
    ws.on('message', (data) => {
      const frame = data.toString();
      if (frame === '2') return ws.send('3');
      if (frame.startsWith('0')) return ws.send(`40${NS},${JSON.stringify({ token })}`);
      if (frame.startsWith(`40${NS},`)) return ws.send(`42${NS},1${JSON.stringify(['chat:join', { roomId }])}`);
      if (frame.startsWith(`44${NS},`)) return reject(new Error(`refused: ${frame.slice(0, 200)}`));
      if (!joined && frame.startsWith(`43${NS},1`)) {
        joined = true;
        clearTimeout(timer);
        if (!frame.includes('"ok":true')) return reject(new Error(`join refused: ${frame.slice(0, 200)}`));
        return resolve();
      }
      // Ours sends a burst's messages in one `chat:messages` frame, the bare relay one `chat:message` each.
      if (frame.startsWith(`42${NS},["chat:message`)) {
        const at = now();
        for (const m of frame.matchAll(/t=(\d+(?:\.\d+)?)/g)) {
          received++;
          latencies.push(at - Number(m[1]));
        }
      }
    });
    ws.on('error', (e) => reject(e));
    sockets.push(ws);
  });
}

process.on('message', async (request: ChatWorkerRequest) => {
  try {
    if (request.type === 'connect') {
      let failed = 0;
      // A few at a time: a storm of handshakes would measure the join, not the chat.
      for (let i = 0; i < request.tokens.length; i += 50) {
        const results = await Promise.allSettled(request.tokens.slice(i, i + 50).map((t) => connect(request.url, t, request.roomId)));
        failed += results.filter((r) => r.status === 'rejected').length;
      }
      latencies = [];
      received = 0;
      process.send!({ id: request.id, connected: request.tokens.length - failed, failed });
    } else if (request.type === 'collect') {
      process.send!({ id: request.id, latencies: latencies.map((l) => Math.round(l * 10) / 10), received });
      latencies = [];
      received = 0;
    } else {
      for (const s of sockets.splice(0)) s.close();
      process.send!({ id: request.id });
    }
  } catch (error) {
    process.send!({ id: request.id, error: (error as Error).message });
  }
});
