import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/livekit';
import { freeTcpPort } from '../../support/server-process';

/** The one proxy configuration, the file docker-compose.yml mounts. */
export const NGINX_CONF = join(REPO_ROOT, 'docker', 'nginx.conf');
const NGINX_BINARY = process.env.PODIUM_TEST_NGINX ?? '/usr/sbin/nginx';

export interface Nginx {
  url: string;
  /** The access log lines so far (format "podium" of docker/nginx.conf). */
  accessLog(): string[];
  stop(): Promise<void>;
}

/** Replaces exactly one occurrence, so a changed docker/nginx.conf breaks the test loudly instead of silently. */
function replaceOnce(text: string, search: string, replacement: string): string {
  const at = text.indexOf(search);
  if (at < 0 || text.indexOf(search, at + 1) >= 0) throw new Error(`docker/nginx.conf must contain "${search}" exactly once`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** docker/nginx.conf with the loopback ports and the temp dir's paths put in; everything else as shipped. */
export function renderNginxConf(conf: string, dir: string, listenPort: number, upstreamPorts: number[]): string {
  let out = replaceOnce(conf, 'server api:3000;', upstreamPorts.map((p) => `server 127.0.0.1:${p};`).join('\n    '));
  out = replaceOnce(out, 'listen 8080;', `listen 127.0.0.1:${listenPort};`);
  out = replaceOnce(out, '/var/log/nginx/access.log', join(dir, 'access.log'));
  // Unprivileged: Debian's compiled-in temp paths are under /var/lib/nginx.
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((k) => `${k}_temp_path ${join(dir, k)};`).join('\n  ');
  return replaceOnce(out, 'http {', `http {\n  ${temp}`);
}

/** Debian's nginx, unprivileged in the foreground, in front of the given api ports. */
export async function startNginx(dir: string, upstreamPorts: number[]): Promise<Nginx> {
  if (!existsSync(NGINX_BINARY)) throw new Error(`nginx not found at ${NGINX_BINARY}: apt-get install nginx-light (.ci/run does) or set PODIUM_TEST_NGINX`);
  mkdirSync(dir, { recursive: true });
  const port = await freeTcpPort();
  const confPath = join(dir, 'nginx.conf');
  writeFileSync(confPath, renderNginxConf(readFileSync(NGINX_CONF, 'utf8'), dir, port, upstreamPorts));
  let output = '';
  const globals = `daemon off; master_process on; pid ${join(dir, 'nginx.pid')}; error_log ${join(dir, 'error.log')} info;`;
  const child: ChildProcess = spawn(NGINX_BINARY, ['-e', join(dir, 'error.log'), '-p', dir, '-c', confPath, '-g', globals], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${output}${readIf(join(dir, 'error.log'))}`);
    try {
      await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not listen within 10 s: ${output}${readIf(join(dir, 'error.log'))}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    accessLog: () => readIf(join(dir, 'access.log')).split('\n').filter(Boolean),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

function readIf(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}
