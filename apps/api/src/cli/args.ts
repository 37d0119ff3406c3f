/** Minimal `--name value` / `--flag` parsing; positional arguments stay in order. */
export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  options: Map<string, string | true>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2);
      if (inline !== undefined) options.set(name, inline);
      else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) options.set(name, rest[++i]);
      else options.set(name, true);
    } else {
      positional.push(arg);
    }
  }
  return { command, positional, options };
}

export function option(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  return typeof value === 'string' ? value : undefined;
}
