import type { LoggerService } from '@nestjs/common';
import { currentRequestId } from './request-context';

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40 } as const;
type Level = keyof typeof LEVELS;

/** Tokens and secrets must never reach a log line, whatever a caller passes in. */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/(eyJ[A-Za-z0-9_-]{8,})\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, 'eyJ***'],
  [/([?&](token|access_token|secret)=)[^&\s"]+/gi, '$1***'],
  [/((authorization|api[_-]?secret|password)"?\s*[:=]\s*"?)[^",\s}]+/gi, '$1***'],
  // Secrets that travel in paths: sign-in links and private calendar feeds.
  [/(\/signin\/)[A-Za-z0-9_-]+/g, '$1***'],
  [/(\/calendar\/)[A-Za-z0-9_-]{16,}/g, '$1***'],
];

export function redactSecrets(text: string): string {
  return SECRET_PATTERNS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

/** One JSON object per line on stdout: easy to ship, easy to grep. */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly minLevel: Level = 'info',
    private readonly write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
  ) {}

  log(message: unknown, ...rest: unknown[]) {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]) {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]) {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]) {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]) {
    this.emit('debug', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]) {
    this.emit('error', message, rest);
  }

  private emit(level: Level, message: unknown, rest: unknown[]) {
    if (LEVELS[level] < LEVELS[this.minLevel]) return;
    // Nest passes the context as the last string argument, and a stack before it for errors.
    const args = [...rest];
    const context = typeof args[args.length - 1] === 'string' ? (args.pop() as string) : undefined;
    const entry: Record<string, unknown> = { time: new Date().toISOString(), level, context };
    const requestId = currentRequestId();
    if (requestId) entry.requestId = requestId;
    if (message instanceof Error) {
      entry.msg = message.message;
      entry.stack = message.stack;
    } else if (typeof message === 'object' && message !== null) {
      Object.assign(entry, message);
    } else {
      entry.msg = String(message);
    }
    if (args.length > 0 && typeof args[0] === 'string' && level === 'error') entry.stack = args[0];
    this.write(redactSecrets(JSON.stringify(entry)));
  }
}
