import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { freePort } from '../../apps/api/src/common/free-port';

// From test/support (jest) or dist/test/support (the built bench): the repo root either way.
const root = join(__dirname, '..', '..', ...(basename(join(__dirname, '..', '..')) === 'dist' ? ['..'] : []));
export const BUILT_SERVER = join(root, 'dist/apps/api/src/main.js');

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait (graceful), or SIGKILL to simulate a crash. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<number | null>;
}

export const freeTcpPort = (): Promise<number> => freePort('tcp');

/** Runs the built api as its own process (as `npm start` does) and waits until /health answers. */
export async function startServerProcess(env: Record<string, string>, options: { port?: number; timeoutMs?: number } = {}): Promise<ServerProcess> {
  if (!existsSync(BUILT_SERVER)) throw new Error('dist/ is missing: run "npm run build" first (npm test does)');
  // port 0: the server picks one and we read it from the URL it prints.
  let port = options.port ?? (await freeTcpPort());
  let output = '';
  const child = spawn(process.execPath, [BUILT_SERVER], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 30000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
    const printed = port === 0 ? /Podium is running: (http:\/\/127\.0\.0\.1:(\d+))/.exec(output) : null;
    if (printed) [url, port] = [printed[1], Number(printed[2])];
    try {
      const res = port === 0 ? null : await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      if (res && (res.status === 200 || res.status === 503)) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /health within the time limit:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
