import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/**
 * Socket.IO for every gateway. With REDIS_URL, the pub/sub Redis adapter carries broadcasts between
 * api processes: our clients never need missed packets (they resync to the full state on reconnect),
 * so the streams adapter's replay buys nothing, and plain pub/sub works on any Redis, clustered or not.
 */
export class PodiumIoAdapter extends IoAdapter {
  private readonly logger = new Logger('realtime');
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string | null,
    private readonly corsOrigins: string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.corsOrigins.length > 0 ? this.corsOrigins : false },
      // Commands are small; a client sending megabytes is hostile.
      maxHttpBufferSize: 64 * 1024,
      pingInterval: 10000,
      pingTimeout: 8000,
      connectionStateRecovery: undefined,
    });
    if (this.redisUrl) {
      // While Redis is away, publishes wait in the offline queue and each process keeps serving its own clients.
      const pub = new Redis(this.redisUrl, { maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(n * 200, 2000) });
      const sub = pub.duplicate();
      for (const client of [pub, sub]) {
        client.on('error', (error) => this.logger.warn(`Redis adapter: ${error.message}`));
        this.clients.push(client);
      }
      server.adapter(createAdapter(pub, sub, { key: 'podium', requestsTimeout: 3000 }));
      this.logger.log('Socket.IO uses the Redis pub/sub adapter');
    }
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    for (const client of this.clients.splice(0)) client.disconnect();
  }
}
