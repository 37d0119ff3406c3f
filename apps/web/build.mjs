// Builds the browser client into apps/web/dist with Vite (used by `npm run build:web`).
// Vite writes into a fresh temporary directory that then replaces dist in two renames, so a running
// api (tests, npm start) never serves a half-written or missing client while a build runs.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { compressDir } from './compress.mjs';

const configFile = fileURLToPath(new URL('./vite.config.mjs', import.meta.url));
const dist = fileURLToPath(new URL('./dist', import.meta.url));
const fresh = `${dist}.tmp-${process.pid}`;
const old = `${dist}.old-${process.pid}`;
try {
  await build({ configFile, logLevel: process.env.CI ? 'info' : 'warn', build: { outDir: fresh, emptyOutDir: true } });
  compressDir(fresh);
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(fresh, dist);
  rmSync(old, { recursive: true, force: true });
  console.log('web client built into apps/web/dist');
} catch (error) {
  rmSync(fresh, { recursive: true, force: true });
  console.error(error);
  process.exit(1);
}
