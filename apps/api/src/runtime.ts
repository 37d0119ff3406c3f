import type { PodiumConfig } from './config/config';

/** LiveKit as this process sees it: connected to a server, or running without media and why. */
export type LiveKitConnection =
  | { status: 'external' | 'local'; url: string; serverUrl?: string; apiKey: string; apiSecret: string }
  | { status: 'disabled' | 'missing-binary' | 'failed'; reason: string };

/** Everything resolved before Nest starts: config, the database actually used, LiveKit, secrets. */
export interface Runtime {
  config: PodiumConfig;
  databaseUrl: string;
  databaseKind: 'external' | 'embedded';
  jwtSecret: string;
  livekit: LiveKitConnection;
  startedAt: Date;
}

export const RUNTIME = Symbol('podium:runtime');
