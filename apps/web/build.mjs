// Builds the browser client into apps/web/dist with Vite (used by `npm run build:web`).
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const configFile = fileURLToPath(new URL('./vite.config.mjs', import.meta.url));
try {
  await build({ configFile, logLevel: process.env.CI ? 'info' : 'warn' });
  console.log('web client built into apps/web/dist');
} catch (error) {
  console.error(error);
  process.exit(1);
}
