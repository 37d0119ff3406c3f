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
});
