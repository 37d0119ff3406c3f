/** `--name value` options of `npm run bench -- <scenario> ...`, with typed getters and defaults. */
export class BenchOptions {
  constructor(private readonly values: Map<string, string>) {}

  static parse(argv: string[]): { scenario: string | undefined; options: BenchOptions } {
    const [scenario, ...rest] = argv;
    const values = new Map<string, string>();
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i];
      if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"`);
      const [name, inline] = arg.slice(2).split('=', 2);
      values.set(name, inline ?? (rest[i + 1] && !rest[i + 1].startsWith('--') ? rest[++i] : 'true'));
    }
    return { scenario, options: new BenchOptions(values) };
  }

  int(name: string, fallback: number): number {
    const raw = this.values.get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number (got "${raw}")`);
    return n;
  }

  string(name: string, fallback: string): string {
    return this.values.get(name) ?? fallback;
  }
}
