import { createServer, connect, type Socket } from 'node:net';

export interface SmtpHoldProxy {
  /** smtp://127.0.0.1:<port>, for SMTP_URL. */
  smtpUrl: string;
  /** How many message bodies (ended by CRLF.CRLF) went through to the server. */
  delivered(): number;
  stop(): Promise<void>;
}

/**
 * A TCP relay in front of a real SMTP server that, once a message's end ("\r\n.\r\n") went through, holds back
 * the server's reply: the server accepted the mail, the sender never hears "250". The fault a crash at the
 * worst moment meets, made certain instead of lucky.
 */
export async function startSmtpHoldProxy(upstreamUrl: string): Promise<SmtpHoldProxy> {
  const upstream = new URL(upstreamUrl);
  const sockets = new Set<Socket>();
  let delivered = 0;
  const server = createServer((client) => {
    const server = connect(Number(upstream.port), upstream.hostname);
    sockets.add(client).add(server);
    let held = false;
    let tail = '';
    client.on('data', (chunk) => {
      const seen = tail + chunk.toString('latin1');
      if (!held && seen.includes('\r\n.\r\n')) {
        held = true;
        delivered++;
      }
      tail = seen.slice(-4);
      server.write(chunk);
    });
    server.on('data', (chunk) => {
      if (!held) client.write(chunk);
    });
    const close = () => {
      client.destroy();
      server.destroy();
    };
    client.on('error', close).on('close', close);
    server.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    delivered: () => delivered,
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
