import { JsonLogger, redactSecrets } from './json-logger';

describe('JsonLogger', () => {
  it('never writes tokens, sign-in secrets or passwords', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('debug', (line) => lines.push(line));
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlc2lnbmF0dXJl';
    logger.log({ msg: 'request', path: '/signin/Krm1a1JSDUaXYEZtSzCn-M8v_h-B16SsaJvejodcAoo', authorization: `Bearer ${jwt}` }, 'http');
    logger.warn(`connect to postgres with password=hunter2 and ?token=${jwt}`, 'db');
    logger.log({ msg: 'feed', path: '/api/calendar/AbCdEfGhIjKlMnOpQrStUv.ics' }, 'http');
    const text = lines.join('\n');
    expect(text).not.toContain('Krm1a1JSDUaXYEZtSzCn');
    expect(text).not.toContain('c2lnbmF0dXJl');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('AbCdEfGhIjKlMnOpQrStUv');
    expect(lines.map((l) => JSON.parse(l).level)).toEqual(['info', 'warn', 'info']);
  });

  it('drops lines below its level and keeps the request context fields', () => {
    const lines: string[] = [];
    const logger = new JsonLogger('warn', (line) => lines.push(line));
    logger.log('quiet');
    logger.error(new Error('loud'), 'ctx');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', msg: 'loud', context: 'ctx' });
    expect(redactSecrets('plain text')).toBe('plain text');
  });
});
