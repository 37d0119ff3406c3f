import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { JsonLogger } from '../logging/json-logger';
import type { DataSource } from 'typeorm';
import { isConferenceRole } from '@podium/identity';
import { ConfigError, describeConfig, loadConfig, type PodiumConfig } from '../config/config';
import { seedDemo } from '../demo/seed';
import { IdentityService } from '../identity/identity.service';
import { SessionTokens } from '../identity/session-tokens';
import type { Runtime } from '../runtime';
import { loadOrCreateSecrets } from '../secrets';
import { option, parseArgs, type ParsedArgs } from './args';
import { openCliDatabase } from './database';
import { CLI_EXTENSIONS } from './extensions';
import { runningServerUrl } from '../server-file';

const HELP = `Podium operator commands: npm run podium -- <command>

  invite --role <organiser|moderator|speaker|interpreter|attendee> --name "<display name>"
         [--conference <slug>] [--email <address>]
                     create a person with a role and print their sign-in link
                     (without --conference an organiser is organiser of every conference)
  seed               load (or reload) the demo conferences
  config             print the effective configuration (secrets hidden)
  migrate            bring the database schema up to date
${CLI_EXTENSIONS.map((e) => `  ${e.usage.padEnd(18)} ${e.summary}`).join('\n')}
`;

class UsageError extends Error {}

async function run(args: ParsedArgs, config: PodiumConfig): Promise<void> {
  switch (args.command) {
    case 'config':
      process.stdout.write(JSON.stringify(describeConfig(config), null, 2) + '\n');
      return;
    case 'invite':
      return withDatabase(config, async (db, runtime) => {
        const role = option(args, 'role');
        const name = option(args, 'name');
        if (!isConferenceRole(role)) throw new UsageError('--role must be one of organiser, moderator, speaker, interpreter, captioner, attendee');
        if (!name) throw new UsageError('--name "<display name>" is required');
        const slug = option(args, 'conference');
        let conferenceId: string | null = null;
        if (slug) {
          const rows: { id: string }[] = await db.query('SELECT id FROM conference WHERE slug = $1', [slug]);
          if (!rows[0]) throw new UsageError(`no conference "${slug}"`);
          conferenceId = rows[0].id;
        } else if (role !== 'organiser') {
          throw new UsageError('--conference <slug> is required for roles other than organiser');
        }
        const identity = new IdentityService(db, new SessionTokens(new JwtService({ secret: runtime.jwtSecret })), runtime);
        const invitation = await identity.invite({ displayName: name, email: option(args, 'email') ?? null, role, conferenceId });
        process.stdout.write(`${role} ${name}${slug ? ` (${slug})` : ''}: valid until ${invitation.expiresAt.toISOString()}\n${invitation.link}\n`);
      });
    case 'seed':
      return withDatabase(config, async (db) => {
        const slugs = await seedDemo(db);
        process.stdout.write(`demo conferences loaded: ${slugs.join(', ')}\n`);
      });
    case 'migrate':
      return withDatabase(config, async () => {
        process.stdout.write('database schema is up to date\n');
      });
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(HELP);
      return;
    default: {
      const extension = CLI_EXTENSIONS.find((e) => e.name === args.command);
      if (!extension) throw new UsageError(`unknown command "${args.command}"`);
      return withDatabase(config, (db, runtime) => extension.run(args, db, runtime));
    }
  }
}

async function withDatabase(config: PodiumConfig, work: (db: DataSource, runtime: Runtime) => Promise<void>) {
  const { db, close, where } = await openCliDatabase(config);
  process.stderr.write(`using the ${where}\n`);
  const jwtSecret = config.jwtSecret ?? loadOrCreateSecrets(config.dataDir).jwtSecret;
  const runtime: Runtime = {
    config,
    databaseUrl: '(cli)',
    databaseKind: config.databaseUrl ? 'external' : 'embedded',
    jwtSecret,
    livekit: { status: 'disabled', reason: 'the CLI does not use media' },
    startedAt: new Date(),
  };
  try {
    await work(db, runtime);
  } finally {
    await close();
  }
}

async function main() {
  // The CLI prints what matters itself; framework logs only for problems.
  Logger.overrideLogger(new JsonLogger('warn'));
  const args = parseArgs(process.argv.slice(2));
  let config: PodiumConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  // Printed links point at the server that is running on this data dir (its real port), if any.
  const running = runningServerUrl(config.dataDir);
  if (running) config = { ...config, publicUrl: running };
  try {
    await run(args, config);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`podium: ${error.message}\n\n${HELP}`);
      process.exit(64);
    }
    const e = error as { code?: string; message: string };
    process.stderr.write(`podium: ${e.code ? `${e.code}: ` : ''}${e.message}\n`);
    process.exit(1);
  }
}

void main();
