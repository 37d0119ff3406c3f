import { ConfigError, describeConfig, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs on embedded defaults with nothing set', () => {
    const config = loadConfig({}, '/srv/podium');
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, dataDir: '/srv/podium/.podium', livekit: null, livekitMode: 'local', seedDemo: true });
  });

  it('names every bad variable in one message', () => {
    try {
      loadConfig({ PORT: '99999', DATABASE_URL: 'mysql://x', LIVEKIT_API_KEY: 'k', JWT_SECRET: 'short' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message.split('\n')).toHaveLength(1);
      for (const name of ['PORT', 'DATABASE_URL', 'LIVEKIT_URL', 'JWT_SECRET']) expect(message).toContain(name);
    }
  });

  it('requires a JWT secret in production and a full LiveKit triple', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ LIVEKIT_URL: 'wss://lk.example.org', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 'x' })).toThrow(/LIVEKIT_API_SECRET must be at least 32/);
    const ok = loadConfig({ LIVEKIT_URL: 'wss://lk.example.org', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's'.repeat(32) });
    expect(ok.livekit).toEqual({ url: 'wss://lk.example.org', serverUrl: 'wss://lk.example.org', apiKey: 'k', apiSecret: 's'.repeat(32) });
    expect(ok.livekitMode).toBe('external');
  });

  it('never shows secrets when describing itself', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://u:pw@db/x', JWT_SECRET: 'j'.repeat(40), LIVEKIT_URL: 'ws://l', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 'z'.repeat(40) });
    const text = JSON.stringify(describeConfig(config));
    expect(text).not.toContain('pw');
    expect(text).not.toContain('j'.repeat(40));
    expect(text).not.toContain('z'.repeat(40));
  });

  describe('production refuses toy defaults', () => {
    const secret = 'Xk3v9QpL2mW8rT5yB7nJ4hF6dS1aZ0cE';
    const prod = { NODE_ENV: 'production', JWT_SECRET: secret, DATABASE_URL: 'postgresql://podium:Vq83kLz0@db/podium' };

    it('does not start without DATABASE_URL unless the embedded database is asked for', () => {
      const { DATABASE_URL: _, ...noDb } = prod;
      expect(() => loadConfig(noDb)).toThrow('DATABASE_URL is required when NODE_ENV=production (set PODIUM_EMBEDDED_DATABASE=true to run the embedded database on purpose)');
      expect(loadConfig({ ...noDb, PODIUM_EMBEDDED_DATABASE: 'true' }).databaseUrl).toBeNull();
      expect(loadConfig({}).databaseUrl).toBeNull(); // development: embedded without asking
    });

    it('never loads demo data unless PODIUM_SEED_DEMO=true', () => {
      const { DATABASE_URL: _, ...noDb } = prod;
      expect(loadConfig({ ...noDb, PODIUM_EMBEDDED_DATABASE: 'true' }).seedDemo).toBe(false);
      expect(loadConfig(prod).seedDemo).toBe(false);
      expect(loadConfig({ ...prod, PODIUM_SEED_DEMO: 'true' }).seedDemo).toBe(true);
    });

    it.each([
      ['JWT_SECRET', { JWT_SECRET: 'change-me-to-a-long-random-secret-of-48-characters' }],
      ['JWT_SECRET', { JWT_SECRET: 'change-me-to-a-secret-of-at-least-32-characters' }],
      ['LIVEKIT_API_SECRET', { LIVEKIT_URL: 'ws://localhost:7880', LIVEKIT_API_KEY: 'podium', LIVEKIT_API_SECRET: 'change-me-to-a-secret-of-at-least-32-characters' }],
      ['DATABASE_URL', { DATABASE_URL: 'postgresql://podium:podium@postgres:5432/podium' }],
      ['DATABASE_URL', { DATABASE_URL: 'postgresql://podium:change-me@postgres:5432/podium' }],
      ['REDIS_URL', { REDIS_URL: 'redis://:password@redis:6379' }],
    ])('refuses the documented placeholder in %s', (name, env) => {
      expect(() => loadConfig({ ...prod, ...env })).toThrow(new RegExp(`${name} (is|contains) a placeholder`));
      expect(() => loadConfig({ ...prod, ...env, NODE_ENV: 'development' })).not.toThrow();
    });

    it('shows the API docs only when enabled: on in development, off in production', () => {
      expect(loadConfig({}).apiDocs).toBe(true);
      expect(loadConfig(prod).apiDocs).toBe(false);
      expect(loadConfig({ ...prod, API_DOCS: 'true' }).apiDocs).toBe(true);
      expect(loadConfig({ API_DOCS: 'false' }).apiDocs).toBe(false);
    });
  });

  it('reads SMTP_URL and MAIL_FROM, refusing other schemes and multi-line senders', () => {
    expect(loadConfig({}).smtpUrl).toBeNull();
    expect(loadConfig({ SMTP_URL: 'smtp://user:pw@mail.example.org:587' }).smtpUrl).toBe('smtp://user:pw@mail.example.org:587');
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow('SMTP_URL must be a smtp or smtps URL (got "http://mail.example.org")');
    expect(() => loadConfig({ SMTP_URL: 'smtp://user:secret@' + 'bad host' })).toThrow('SMTP_URL must be a smtp or smtps URL (got "smtp://***@bad host")');
    expect(loadConfig({ MAIL_FROM: 'BuKo <buko@example.org>' }).mailFrom).toBe('BuKo <buko@example.org>');
    expect(() => loadConfig({ MAIL_FROM: 'not an address' })).toThrow(/MAIL_FROM must be/);
  });

  it('trusts no proxy by default and reads TRUST_PROXY as hops or CIDRs', () => {
    expect(loadConfig({}).trustProxy).toEqual({ kind: 'none' });
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toEqual({ kind: 'hops', hops: 1 });
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8,192.168.1.7' }).trustProxy).toMatchObject({ kind: 'list', entries: ['10.0.0.0/8', '192.168.1.7'] });
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('runs one local LiveKit node by default, several only over a plain Redis', () => {
    expect(loadConfig({}).livekitNodes).toBe(1);
    expect(loadConfig({ LIVEKIT_NODES: '2', REDIS_URL: 'redis://127.0.0.1:6379/4' }).livekitNodes).toBe(2);
    expect(() => loadConfig({ LIVEKIT_NODES: '2' })).toThrow(/LIVEKIT_NODES > 1 needs REDIS_URL/);
    expect(() => loadConfig({ LIVEKIT_NODES: '2', REDIS_URL: 'rediss://cache:6380' })).toThrow(/LIVEKIT_NODES > 1 needs REDIS_URL/);
    expect(() => loadConfig({ LIVEKIT_NODES: '0' })).toThrow(/LIVEKIT_NODES/);
    // An external LiveKit is its own cluster: the count does not apply.
    expect(loadConfig({ LIVEKIT_NODES: '3', LIVEKIT_URL: 'wss://lk.example.org', LIVEKIT_API_KEY: 'k', LIVEKIT_API_SECRET: 's'.repeat(32) }).livekitNodes).toBe(3);
  });

  it('keeps a set PUBLIC_URL and otherwise lets the server fill in the bound port', () => {
    expect(loadConfig({ PORT: '0' })).toMatchObject({ publicUrl: 'http://127.0.0.1:0', publicUrlFixed: false });
    expect(loadConfig({ PUBLIC_URL: 'https://podium.example.org/' })).toMatchObject({ publicUrl: 'https://podium.example.org', publicUrlFixed: true });
  });
});
