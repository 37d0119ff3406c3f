import { SCENARIOS } from './scenarios';
import { machine } from './support/machine';
import { BenchOptions } from './support/options';

/** `npm run bench -- <scenario> [options]`: progress on stderr, one JSON line of results last on stdout. */
async function main() {
  const { scenario: name, options } = BenchOptions.parse(process.argv.slice(2));
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (!scenario) {
    process.stderr.write(`usage: npm run bench -- <scenario> [options]\n${SCENARIOS.map((s) => `  ${s.name.padEnd(10)} ${s.summary}`).join('\n')}\n`);
    process.exit(name ? 64 : 0);
  }
  const started = Date.now();
  const result = await scenario.run(options);
  process.stdout.write(JSON.stringify({ scenario: scenario.name, ...result, machine: machine(), duration_s: Math.round((Date.now() - started) / 100) / 10 }) + '\n');
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
