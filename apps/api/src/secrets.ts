import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Development secrets are generated once and kept in the data directory (mode 600), so sessions and
 * the local LiveKit survive a restart without anybody having to invent a secret.
 */
export function loadOrCreateSecrets(dataDir: string): { jwtSecret: string; livekitSecret: string } {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { jwtSecret?: string; livekitSecret?: string };
    if (stored.jwtSecret && stored.livekitSecret) return { jwtSecret: stored.jwtSecret, livekitSecret: stored.livekitSecret };
  }
  const secrets = { jwtSecret: randomBytes(48).toString('base64url'), livekitSecret: randomBytes(32).toString('base64url') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
