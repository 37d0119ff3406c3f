import { createServer, connect, type Socket } from 'node:net';

const END = '\r\n.\r\n';

/** What the relay does to the next mail (each fault once, then it relays faithfully again). */
export interface SmtpFault {
  /** Replies to DATA (the 354) are held until this resolves: the test gets ready while the sender waits. */
  beforeBody?: () => Promise<void>;
  /** At the first bytes of the message: pass them on without the end, then close both connections (no mail, RFC 5321 3.3). */
  inBody?: 'drop';
  /** Once the end went through: hold the server's reply forever, or close both connections without it. */
  afterEnd?: 'hold' | 'drop';
}

export interface SmtpFaultRelay {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  smtpUrl: string;
  /** The fault for the next mail (`afterEnd: 'hold'` stays for every mail). */
  plan(fault: SmtpFault): void;
  /** How many message ends ("\r\n.\r\n") went through to the server. */
  delivered(): number;
  /** How many bytes of messages (after DATA) the relay received from the client. */
  bodyBytes(): number;
  /** How many connections were dropped in the middle of a message. */
  droppedInBody(): number;
  stop(): Promise<void>;
}

/**
 * A TCP relay of our own in front of a real SMTP server (Mailpit) that breaks the exchange at a chosen point: the
 * faults a crash or a network meets, made certain instead of lucky. It reads the client's side only as far as
 * needed: after a "DATA" line, the client's bytes are the message until its end.
 */
export async function startSmtpFaultRelay(upstreamUrl: string, initial: SmtpFault = {}): Promise<SmtpFaultRelay> {
  const upstream = new URL(upstreamUrl);
  const sockets = new Set<Socket>();
  let fault: SmtpFault = initial;
  let delivered = 0;
  let droppedInBody = 0;
  let bodyBytes = 0;
  const server = createServer((client) => {
    const server = connect(Number(upstream.port), upstream.hostname);
    sockets.add(client).add(server);
    let inBody = false;
    let held = false;
    let replies: Promise<void> = Promise.resolve();
    let tail = '';
    const close = () => {
      client.destroy();
      server.destroy();
    };
    client.on('data', (chunk) => {
      const seen = tail + chunk.toString('latin1');
      tail = seen.slice(-4);
      if (!inBody) {
        server.write(chunk);
        if (/(^|\r\n)DATA\r\n$/i.test(seen)) {
          inBody = true;
          if (fault.beforeBody) replies = replies.then(fault.beforeBody);
          fault = { ...fault, beforeBody: undefined };
        }
        return;
      }
      const text = chunk.toString('latin1');
      bodyBytes += chunk.length;
      if (fault.inBody === 'drop') {
        fault = { ...fault, inBody: undefined };
        droppedInBody++;
        const at = seen.indexOf(END);
        // The end never reaches the server, even if it came in the same chunk: half a message, then EOF.
        server.end(at < 0 ? chunk : Buffer.from(seen.slice(seen.length - text.length, Math.max(0, at)), 'latin1'));
        client.destroy();
        return;
      }
      server.write(chunk);
      if (!seen.includes(END)) return;
      inBody = false;
      delivered++;
      if (fault.afterEnd === 'hold') held = true;
      if (fault.afterEnd === 'drop') {
        fault = { ...fault, afterEnd: undefined };
        server.end(); // after the end went out: the server has the whole mail, the client never hears "250"
        client.destroy();
      }
    });
    server.on('data', (chunk) => {
      if (held) return;
      replies = replies.then(() => void (client.destroyed || client.write(chunk)));
    });
    client.on('error', close).on('close', close);
    server.on('error', close).on('close', () => replies.then(close));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    plan: (next) => (fault = next),
    delivered: () => delivered,
    droppedInBody: () => droppedInBody,
    bodyBytes: () => bodyBytes,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
