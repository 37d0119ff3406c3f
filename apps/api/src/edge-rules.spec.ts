import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// Holds the line of docs/architecture.md ("Persistence", "Services never call gateways") as files change.
const ROOT = __dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [relative(ROOT, path)] : [];
  });
}

const FILES = sources(ROOT);
const text = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const runsSql = (file: string) => /\.query\s*[<(]/.test(text(file));

describe('edge rules of apps/api', () => {
  it('finds the sources it checks', () => {
    expect(FILES).toEqual(expect.arrayContaining(['programme/sessions-repository.ts', 'livestream/stage.service.ts', 'programme/rooms.controller.ts']));
  });

  it('programme and livestream run SQL only in their repositories (and the bulk insert helper)', () => {
    const offenders = FILES.filter((f) => /^(programme|livestream)\//.test(f) && !/-repository\.ts$/.test(f) && f !== 'programme/bulk-insert.ts' && runsSql(f));
    expect(offenders).toEqual([]);
  });

  it('questions, polls, forum, networking, live, fishbowl, chat, market and invitations run SQL only in their repositories (and the event logs)', () => {
    const logs = ['live/postgres-event-log.ts', 'chat/chat-log.ts'];
    const offenders = FILES.filter((f) => /^(questions|polls|forum|networking|live|fishbowl|chat|market|invitations)\//.test(f) && !/-repository\.ts$/.test(f) && !logs.includes(f) && runsSql(f));
    expect(offenders).toEqual([]);
  });

  it('no controller runs SQL, but the two not moved yet', () => {
    const offenders = FILES.filter((f) => f.endsWith('.controller.ts') && runsSql(f));
    expect(offenders.sort()).toEqual(['health/health.controller.ts', 'identity/auth.controller.ts']);
  });

  it('no service, store or repository imports a gateway (after-commit events instead)', () => {
    const offenders = FILES.filter((f) => !f.endsWith('.module.ts') && !f.endsWith('.gateway.ts') && /from '[^']*\.gateway'/.test(text(f)));
    expect(offenders).toEqual([]);
  });

  it('TypeORM entity classes exist only in identity', () => {
    const offenders = FILES.filter((f) => /@Entity\(/.test(text(f)) && !f.startsWith('identity/entities/'));
    expect(offenders).toEqual([]);
  });
});
