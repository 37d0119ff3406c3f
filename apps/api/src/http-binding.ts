import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Listens on the app's HTTP server before Nest is initialised, and answers with the port really bound. */
export function bindHttp(app: NestExpressApplication, port: number, host: string): Promise<number> {
  const server = app.getHttpServer();
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/**
 * Between binding and the end of Nest's init, requests wait instead of meeting a half-built app;
 * returns the function that lets them through (or, when the start failed, answers them 503).
 */
export function holdRequestsUntilReady(app: NestExpressApplication): (started: boolean) => void {
  let state: 'waiting' | 'open' | 'failed' = 'waiting';
  let release!: () => void;
  const ready = new Promise<void>((resolve) => (release = resolve));
  const pass = (res: Response, next: NextFunction) => (state === 'open' ? next() : res.status(503).json({ error: { code: 'UNAVAILABLE', message: 'The server did not start' } }));
  app.use((_req: Request, res: Response, next: NextFunction) => {
    if (state !== 'waiting') return pass(res, next);
    void ready.then(() => pass(res, next));
  });
  return (started) => {
    state = started ? 'open' : 'failed';
    release();
  };
}
