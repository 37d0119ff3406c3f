import { startPodium } from './bootstrap';
import { ConfigError, loadConfig } from './config/config';

/** `npm start`: the platform with embedded defaults unless the environment names real services. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  // A live fishbowl must not fall over: log what nobody awaited instead of crashing.
  process.on('unhandledRejection', (reason) => {
    process.stderr.write(JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'unhandled rejection', error: String((reason as Error)?.stack ?? reason) }) + '\n');
  });
  const podium = await startPodium(config);
  const docs = config.apiDocs ? `  API docs: ${podium.publicUrl}/api/docs\n` : '';
  process.stdout.write(`\n  Podium is running: ${podium.publicUrl}\n${docs}\n`);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`received ${signal}, shutting down\n`);
    const force = setTimeout(() => process.exit(1), 15000).unref();
    podium.stop().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`Podium failed to start: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
