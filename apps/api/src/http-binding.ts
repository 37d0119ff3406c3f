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
 * returns the function that lets them through.
 */
export function holdRequestsUntilReady(app: NestExpressApplication): () => void {
  let open = false;
  let release!: () => void;
  const ready = new Promise<void>((resolve) => (release = resolve));
  app.use((_req: Request, _res: Response, next: NextFunction) => {
    if (open) return next();
    void ready.then(() => next());
  });
  return () => {
    open = true;
    release();
  };
}
