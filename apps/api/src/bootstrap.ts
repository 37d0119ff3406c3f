import { compressedJson } from './web/compressed-json';
import 'reflect-metadata';
import { writeFileSync, rmSync } from 'node:fs';
import { runningEmbeddedOwner } from './database/embedded-marker';
import { join } from 'node:path';
import { Logger, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import helmet from 'helmet';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { PodiumIoAdapter } from './realtime/io-adapter';
import { HttpErrorFilter } from './common/http-exception.filter';
import { createValidationPipe } from './common/validation';
import { refuseDeepJson } from './common/deep-json';
import { importBodyRefusal } from './programme/import-body';
import type { PodiumConfig } from './config/config';
import { openDatabase } from './database/data-source';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './database/embedded-postgres';
import { migrateLegacyPglite } from './database/legacy-pglite';
import { refreshProbeConference, seedDemoIfEmpty } from './demo/seed';
import { liveKitRedisFromUrl, startLocalLiveKitCluster } from './livestream/local-livekit-cluster';
import { findLiveKitBinary } from './livestream/local-livekit-server';
import { JsonLogger } from './logging/json-logger';
import { requestIdMiddleware } from './logging/request-id.middleware';
import { projectRoot, webDistDir } from './paths';
import type { LiveKitConnection, Runtime } from './runtime';
import { loadOrCreateSecrets } from './secrets';
import { serveWebClient } from './web/static-web';
import { trustsHop } from './common/client-address';
import { bindHttp, holdRequestsUntilReady } from './http-binding';
import { removeServerFile, writeServerFile } from './server-file';

export interface PodiumHandle {
  app: NestExpressApplication;
  /** Where this process listens (loopback when bound to all interfaces). */
  url: string;
  /** PUBLIC_URL, or the listening URL when it is unset: what links and the CLI use. */
  publicUrl: string;
  runtime: Runtime;
  dataSource: DataSource;
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: LoggerService;
  /** Tests pass `false` to keep LiveKit out entirely, or a connection to use. */
  livekit?: LiveKitConnection;
}

/** Starts the whole platform: database (embedded if needed), LiveKit (local if possible), the api. */
export async function startPodium(config: PodiumConfig, options: StartOptions = {}): Promise<PodiumHandle> {
  const logger = options.logger ?? new JsonLogger(config.logLevel);
  Logger.overrideLogger(logger);
  const log = new Logger('podium');
  const cleanups: (() => Promise<void>)[] = [];
  let ready: ((started: boolean) => void) | undefined;
  const stopAll = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((e) => log.warn(`shutdown step failed: ${(e as Error).message}`));
  };

  try {
    const secrets = config.jwtSecret ? null : loadOrCreateSecrets(config.dataDir);
    const jwtSecret = config.jwtSecret ?? secrets!.jwtSecret;

    let embedded: EmbeddedPostgres | null = null;
    if (!config.databaseUrl) {
      const owner = runningEmbeddedOwner(config.dataDir);
      if (owner) throw new Error(`another Podium server (pid ${owner}) uses the embedded database in ${config.dataDir}; stop it or set PODIUM_DATA_DIR`);
      embedded = await startEmbeddedPostgres(config.dataDir, (message) => log.warn(message));
      cleanups.push(async () => {
        rmSync(join(config.dataDir, 'embedded.json'), { force: true });
        await embedded!.stop();
      });
      // The operator CLI finds the running embedded database here instead of starting the cluster twice.
      writeFileSync(join(config.dataDir, 'embedded.json'), JSON.stringify({ pid: process.pid, url: embedded.url }), { mode: 0o600 });
      log.log(`embedded PostgreSQL with data in ${embedded.dataDir}`);
    }
    const databaseUrl = config.databaseUrl ?? embedded!.url;
    const dataSource = await openDatabase({ url: databaseUrl, poolSize: 10 });
    cleanups.push(() => dataSource.destroy());
    if (embedded) await migrateLegacyPglite(config.dataDir, dataSource, (message) => log.warn(message));

    if (config.seedDemo) {
      const seeded = await seedDemoIfEmpty(dataSource);
      if (seeded) log.log(`demo conferences loaded: ${seeded.join(', ')}`);
      else if (await refreshProbeConference(dataSource)) log.log('demo conference "probebuehne" moved to today');
    }

    const runtime: Runtime = {
      config,
      databaseUrl,
      databaseKind: embedded ? 'embedded' : 'external',
      jwtSecret,
      livekit: { status: 'disabled', reason: 'LiveKit is not connected yet' },
      startedAt: new Date(),
    };
    const app = await NestFactory.create<NestExpressApplication>(AppModule.with(runtime, dataSource), {
      logger,
      bodyParser: false,
      rawBody: false,
      abortOnError: false,
    });
    // Bind before LiveKit starts, so its webhook URL and every link carry the real port (PORT=0 too).
    ready = holdRequestsUntilReady(app);
    configureHttp(app, runtime);
    app.useWebSocketAdapter(new PodiumIoAdapter(app, config.redisUrl, config.corsOrigins));
    const port = await bindHttp(app, config.port, config.host);
    cleanups.push(() => app.close());
    const localHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
    const url = `http://${localHost.includes(':') ? `[${localHost}]` : localHost}:${port}`;
    if (!config.publicUrlFixed) runtime.config = { ...config, port, publicUrl: url };

    const livekit = options.livekit ?? (await connectLiveKit(config, `${url}/livekit/webhook`, secrets?.livekitSecret, cleanups));
    runtime.livekit = livekit;
    if ('url' in livekit) log.log(`LiveKit (${livekit.status}) at ${livekit.url}`);
    else log.warn(`running WITHOUT media: ${livekit.reason}`);

    await app.init();
    ready(true);
    const publicUrl = runtime.config.publicUrl;
    try {
      writeServerFile(config.dataDir, publicUrl);
      cleanups.push(async () => removeServerFile(config.dataDir));
    } catch (error) {
      log.warn(`could not write ${config.dataDir}/server.json (the CLI will print links from its own configuration): ${(error as Error).message}`);
    }
    log.log({ msg: `Podium is running at ${publicUrl}`, url, database: runtime.databaseKind, media: 'url' in livekit ? livekit.status : 'unavailable' });
    return { app, url, publicUrl, runtime, dataSource, stop: stopAll };
  } catch (error) {
    ready?.(false);
    await stopAll();
    throw error;
  }
}

async function connectLiveKit(config: PodiumConfig, webhookUrl: string, devSecret: string | undefined, cleanups: (() => Promise<void>)[]): Promise<LiveKitConnection> {
  if (config.livekit) return { status: 'external', ...config.livekit };
  if (config.livekitMode === 'disabled') return { status: 'disabled', reason: 'LIVEKIT_DISABLED is set' };
  const binary = config.livekitBinary ?? findLiveKitBinary(projectRoot());
  if (!binary) {
    return { status: 'missing-binary', reason: 'no LIVEKIT_URL and no local LiveKit server binary (install it with "npm run livekit:install", needs Go)' };
  }
  try {
    // LIVEKIT_NODES > 1: LiveKit's distributed mode over REDIS_URL (config checked it is there).
    const nodes = config.livekitNodes;
    const server = await startLocalLiveKitCluster({
      nodes,
      ...(nodes > 1 ? { redis: liveKitRedisFromUrl(config.redisUrl!) } : {}),
      binary,
      dir: join(config.dataDir, 'livekit'),
      apiKey: 'podium-dev',
      apiSecret: devSecret ?? undefined,
      webhookUrls: [webhookUrl],
    });
    cleanups.push(() => server.stop());
    return { status: 'local', url: server.url, apiKey: server.apiKey, apiSecret: server.apiSecret };
  } catch (error) {
    return { status: 'failed', reason: `the local LiveKit server did not start: ${(error as Error).message}` };
  }
}

function configureHttp(app: NestExpressApplication, runtime: Runtime): void {
  const { config } = runtime;
  const trust = config.trustProxy;
  // The same rule as resolveClientAddress (Socket.IO), so both count a client by the same address.
  app.set('trust proxy', trust.kind === 'none' ? false : (address: string, hop: number) => trustsHop(trust, address, hop));
  app.disable('x-powered-by');
  app.use(requestIdMiddleware);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          mediaSrc: ["'self'", 'blob:'],
          imgSrc: ["'self'", 'data:', 'blob:'],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          // Only behind https: on a plain-http LAN name it would rewrite every asset to https and blank the page.
          upgradeInsecureRequests: config.publicUrl.startsWith('https:') ? [] : null,
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  // JSON answers of the api go out compressed (the static client has its own precompressed twins).
  app.use('/api', compressedJson());
  app.enableCors({ origin: config.corsOrigins.length > 0 ? config.corsOrigins : false, credentials: false });
  // LiveKit signs the exact bytes of its webhook body: keep them raw for that route.
  app.use('/livekit/webhook', express.raw({ type: ['application/webhook+json', 'application/json'], limit: '1mb' }));
  // Imports in any type but JSON arrive as text (schedule.xml, or a file sent as text/plain or by curl's default form
  // type); the domain tells them apart by their first character: one importer for schedule.json and schedule.xml.
  app.use('/api/conferences/import', express.text({ type: (req) => !/json/i.test(String(req.headers['content-type'] ?? 'json')), limit: '10mb' }));
  app.use(express.json({ limit: '5mb', type: ['application/json', 'application/*+json'], verify: refuseDeepJson }));
  // A refused import body says why with a code the web words in German too (the same English as elsewhere).
  app.use('/api/conferences/import', importBodyRefusal);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());

  if (config.apiDocs) serveApiDocs(app);
  serveWebClient(app, webDistDir());
}

/** Swagger UI and the OpenAPI JSON: on in development, in production only with API_DOCS=true. */
function serveApiDocs(app: NestExpressApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder().setTitle('Podium API').setDescription('Hybrid and digital conferences: programme, livestreams, fishbowl').setVersion('0.1.0').addBearerAuth().build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
}
