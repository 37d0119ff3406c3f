// `npm start` step before the server: on a machine with Go, build the local LiveKit server on the first
// run (so the README's two commands give livestreams too). Never stops the start: without Go, or if the
// build fails, the server starts without media and says how to get it.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const set = (name) => (env[name] ?? '').trim() !== '';
const truthy = (name) => ['1', 'true', 'yes', 'on'].includes((env[name] ?? '').trim().toLowerCase());

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function skipReason() {
  if (set('LIVEKIT_URL')) return 'LIVEKIT_URL is set';
  if (truthy('LIVEKIT_DISABLED')) return 'LIVEKIT_DISABLED is set';
  if (set('LIVEKIT_BINARY')) return 'LIVEKIT_BINARY is set';
  if (executable(join(root, '.tools', 'bin', 'livekit-server'))) return 'already installed';
  if (spawnSync('go', ['version'], { stdio: 'ignore' }).status !== 0) return 'no Go on PATH';
  return null;
}

const reason = skipReason();
if (reason === null) {
  const log = (text) => process.stdout.write(`[livekit] ${text}\n`);
  log('no local LiveKit server yet: building it with Go for livestreams (first start only, a few minutes)');
  const started = Date.now();
  // go install is silent for minutes: say that it is still working.
  const ticker = setInterval(() => log(`still building… ${Math.round((Date.now() - started) / 1000)} s`), 15_000);
  const child = spawn('bash', [join(root, 'scripts', 'install-livekit.sh')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (d) => String(d).split('\n').filter(Boolean).forEach(log));
  child.stderr.on('data', (d) => String(d).split('\n').filter(Boolean).forEach(log));
  child.on('exit', (code) => {
    clearInterval(ticker);
    if (code === 0) log(`ready after ${Math.round((Date.now() - started) / 1000)} s`);
    else log(`build failed (exit ${code}); starting without media. Retry with "npm run livekit:install".`);
  });
}
