import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The repository (or image) root: the folder with package.json above this file, in src and in dist alike. */
export function projectRoot(): string {
  let dir = __dirname;
  while (dir !== dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'apps'))) return dir;
    dir = dirname(dir);
  }
  return resolve(__dirname, '../../..');
}

export function webDistDir(): string {
  return process.env.PODIUM_WEB_DIR ?? join(projectRoot(), 'apps', 'web', 'dist');
}
