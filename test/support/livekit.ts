// Starts the real LiveKit server for tests; a missing binary is an error, never a silent skip.
import { join, resolve } from 'node:path';
import {
  findLiveKitBinary,
  startLocalLiveKitServer,
  type LocalLiveKitOptions,
  type LocalLiveKitServer,
} from '../../apps/api/src/livestream/local-livekit-server';

export const REPO_ROOT = resolve(__dirname, '..', '..');

export type TestLiveKitOptions = Partial<Omit<LocalLiveKitOptions, 'binary'>> & {
  /** Shortcut for webhookUrls: [webhookUrl]. */
  webhookUrl?: string;
};

export function requireLiveKitBinary(): string {
  const binary = findLiveKitBinary(REPO_ROOT);
  if (!binary) throw new Error('LiveKit server binary not found: run "npm run livekit:install" (needs Go)');
  return binary;
}

/** One loopback-only server; logs and config land in test-artifacts/livekit (kept for CI). */
export function startTestLiveKit(opts: TestLiveKitOptions = {}): Promise<LocalLiveKitServer> {
  const { webhookUrl, ...rest } = opts;
  return startLocalLiveKitServer({
    dir: join(REPO_ROOT, 'test-artifacts', 'livekit'),
    apiKey: 'podium-test',
    ...rest,
    webhookUrls: rest.webhookUrls ?? (webhookUrl ? [webhookUrl] : []),
    binary: requireLiveKitBinary(),
  });
}
