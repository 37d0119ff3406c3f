// Placeholder build of the browser client: copies the static page into apps/web/dist.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
rmSync(join(here, 'dist'), { recursive: true, force: true });
mkdirSync(join(here, 'dist'), { recursive: true });
cpSync(join(here, 'public'), join(here, 'dist'), { recursive: true });
