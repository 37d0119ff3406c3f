import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';

/** A port the OS reports free on 127.0.0.1 right now (racy, but good enough for one machine). */
export function freePort(kind: 'tcp' | 'udp' = 'tcp'): Promise<number> {
  return new Promise((ok, fail) => {
    if (kind === 'udp') {
      const s = createSocket('udp4');
      s.once('error', fail);
      s.bind(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => ok(port));
      });
      return;
    }
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => ok(port));
    });
  });
}
