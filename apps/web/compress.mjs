// Writes a brotli (.br) and a gzip (.gz) twin next to every text file of the built client, so the api
// sends compressed bytes without compressing on each request (apps/api/src/web/compressed-assets.ts).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Source maps are for developer tools only: not worth the build time. */
const TEXT = new Set(['.js', '.css', '.html', '.svg', '.json', '.txt']);
/** Below this a compressed response saves less than its headers cost. */
const MIN_BYTES = 1024;

export function compressDir(dir) {
  let files = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      files += compressDir(path);
      continue;
    }
    if (!TEXT.has(extname(name))) continue;
    const data = readFileSync(path);
    if (data.length < MIN_BYTES) continue;
    writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
    files++;
  }
  return files;
}
