import { Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import { DomainError } from '@podium/contracts';
import type { RateLimiter } from '../common/rate-limit/rate-limiter';
import type { IdentityService } from '../identity/identity.service';
import type { Principal } from '../identity/principal';
import { SocketCommands, type SocketCommand } from './socket-commands';

const ANNA: Principal = { personId: 'p-anna', displayName: 'Anna', guest: false };

/** Just what the pipeline touches of a Socket.IO socket: listeners, emit, data, the handshake token, disconnect. */
class FakeSocket {
  readonly listeners = new Map<string, (...args: unknown[]) => void>();
  readonly emitted: Array<[string, unknown]> = [];
  readonly disconnects: boolean[] = [];
  readonly handshake = { auth: { token: 'token-of-anna' } };
  readonly conn = { remoteAddress: '198.51.100.1' };
  readonly data: { principal: Principal | null; session: null; address: string; checkedAt?: number };
  private emittedOne: (() => void) | null = null;

  constructor(principal: Principal | null) {
    this.data = { principal, session: null, address: '203.0.113.7' };
  }

  on(event: string, listener: (...args: unknown[]) => void): void {
    this.listeners.set(event, listener);
  }

  emit(event: string, body: unknown): void {
    this.emitted.push([event, body]);
    this.emittedOne?.();
  }

  disconnect(close: boolean): void {
    this.disconnects.push(close);
  }

  /** Sends an event with an ack callback, as socket.io-client's emitWithAck does; resolves with the ack body. */
  send(event: string, payload: unknown): Promise<unknown> {
    return new Promise((resolve) => this.listeners.get(event)!(payload, resolve));
  }

  /** Sends an event without an ack; resolves when the server emits something back. */
  sendWithoutAck(event: string, payload: unknown): Promise<void> {
    const emitted = new Promise<void>((resolve) => (this.emittedOne = resolve));
    this.listeners.get(event)!(payload);
    return emitted;
  }
}

interface Said {
  text: string;
}

function setup(principal: Principal | null, command: Partial<SocketCommand<Said, object>>) {
  const identity = { authenticate: jest.fn<Promise<Principal>, [string]>() };
  const limiter = { consume: jest.fn<Promise<void>, unknown[]>(async () => undefined) };
  const validate = jest.fn((raw: unknown): Said | DomainError => {
    const text = (raw as { text?: unknown } | null)?.text;
    return typeof text === 'string' ? { text: text.trim() } : new DomainError('VALIDATION', 'text: must be a string', { field: 'text' });
  });
  const handle = jest.fn(async (_socket: Socket, payload: Said, _principal: Principal | null): Promise<object> => ({ said: payload.text }));
  const full: SocketCommand<Said, object> = { validate, handle, ...command };
  const socket = new FakeSocket(principal);
  new SocketCommands(identity as unknown as IdentityService, limiter as unknown as RateLimiter).register(socket as unknown as Socket, { say: full });
  return { socket, identity, limiter, validate: full.validate as jest.Mock, handle: full.handle as jest.Mock };
}

const failing = (...errors: unknown[]) => {
  let call = 0;
  return jest.fn(async (): Promise<object> => {
    const error = errors[call++];
    if (error) throw error;
    return { joined: true };
  });
};

/** The last token check was longer ago than RECHECK_MS (5 s). */
const stale = (socket: FakeSocket) => (socket.data.checkedAt = Date.now() - 5001);

const dbCode = (code: string, message: string) => Object.assign(new Error(message), { code });

beforeAll(() => Logger.overrideLogger(false)); // the pipeline logs unexpected errors; the answers are what we check
afterEach(() => jest.useRealTimers());

describe('SocketCommands: validation once', () => {
  it('hands the handler what validate returned (not the raw payload) and acks ok with the answer', async () => {
    const { socket, validate, handle } = setup(ANNA, {});
    await expect(socket.send('say', { text: '  Guten Tag  ', extra: 'dropped' })).resolves.toEqual({ ok: true, said: 'Guten Tag' });
    expect(validate).toHaveBeenCalledTimes(1);
    expect(handle).toHaveBeenCalledTimes(1);
    expect(handle.mock.calls[0][1]).toEqual({ text: 'Guten Tag' });
    expect(handle.mock.calls[0][2]).toEqual(ANNA);
  });

  it('refuses an invalid payload with its VALIDATION error before rate limit and handler', async () => {
    const { socket, limiter, handle } = setup(ANNA, { limit: 'seat' });
    await expect(socket.send('say', { text: 42 })).resolves.toEqual({ error: { code: 'VALIDATION', message: 'text: must be a string', details: { field: 'text' } } });
    expect(limiter.consume).not.toHaveBeenCalled();
    expect(handle).not.toHaveBeenCalled();
  });

  it('validates once even when a transient failure makes it run the handler again', async () => {
    jest.spyOn(Math, 'random').mockReturnValue(0); // the shortest backoff (50 ms, 125 ms)
    const handle = failing(dbCode('53300', 'sorry, too many clients already'), dbCode('40P01', 'deadlock detected'));
    const { socket, validate } = setup(ANNA, { retry: true, handle });
    await expect(socket.send('say', { text: 'hallo' })).resolves.toEqual({ ok: true, joined: true });
    expect(handle).toHaveBeenCalledTimes(3);
    expect(validate).toHaveBeenCalledTimes(1);
    jest.restoreAllMocks();
  });
});

describe('SocketCommands: refusals mapped to acks', () => {
  it.each<[string, unknown, object]>([
    ['a domain refusal', new DomainError('CONFLICT', 'This chair is taken'), { code: 'CONFLICT', message: 'This chair is taken' }],
    ['a domain refusal with details', new DomainError('NOT_FOUND', 'No such fishbowl', { sessionId: 's-1' }), { code: 'NOT_FOUND', message: 'No such fishbowl', details: { sessionId: 's-1' } }],
    ['a unique violation', Object.assign(dbCode('23505', 'duplicate key value'), { detail: 'Key (id)=(1) already exists.' }), { code: 'CONFLICT', message: 'That already exists', details: { detail: 'Key (id)=(1) already exists.' } }],
    ['a lost database', dbCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), { code: 'UNAVAILABLE', message: 'The database is not reachable right now; nothing was changed. Please try again shortly.' }],
    ['a transient failure of a command without retry', dbCode('53300', 'sorry, too many clients already'), { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.' }],
    ['our own bug', new TypeError("Cannot read properties of undefined (reading 'seat')"), { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.' }],
  ])('answers %s with its code in the ack, and runs the handler once', async (_what, error, body) => {
    const handle = failing(error);
    const { socket } = setup(ANNA, { handle });
    await expect(socket.send('say', { text: 'hallo' })).resolves.toEqual({ error: body });
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('without an ack, sends a refusal as an `exception` event naming the event', async () => {
    const { socket } = setup(ANNA, { handle: failing(new DomainError('FORBIDDEN', 'Only the moderator may do this')) });
    await socket.sendWithoutAck('say', { text: 'hallo' });
    expect(socket.emitted).toEqual([['exception', { event: 'say', error: { code: 'FORBIDDEN', message: 'Only the moderator may do this' } }]]);
  });

  it('without an ack, answers a success with nothing', async () => {
    const { socket, handle } = setup(ANNA, {});
    socket.listeners.get('say')!({ text: 'hallo' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(handle).toHaveBeenCalledTimes(1);
    expect(socket.emitted).toEqual([]);
  });
});

describe('SocketCommands: rate limit', () => {
  it("spends the command's policy for the person and the handshake address", async () => {
    const { socket, limiter } = setup(ANNA, { limit: 'seat' });
    await expect(socket.send('say', { text: 'hallo' })).resolves.toEqual({ ok: true, said: 'hallo' });
    expect(limiter.consume.mock.calls).toEqual([['seat', { personId: 'p-anna', address: '203.0.113.7' }]]);
  });

  it('refuses with RATE_LIMITED and does not run the handler when the budget is spent', async () => {
    const { socket, limiter, handle } = setup(ANNA, { limit: 'seat' });
    limiter.consume.mockRejectedValueOnce(new DomainError('RATE_LIMITED', 'Too many requests; please try again in 7 s', { retryAfterSeconds: 7, limit: 'seat' }));
    await expect(socket.send('say', { text: 'hallo' })).resolves.toEqual({
      error: { code: 'RATE_LIMITED', message: 'Too many requests; please try again in 7 s', details: { retryAfterSeconds: 7, limit: 'seat' } },
    });
    expect(handle).not.toHaveBeenCalled();
  });

  it('spends nothing for an anonymous socket (its per-message limit is the guard’s)', async () => {
    const { socket, limiter, handle } = setup(null, { limit: 'seat' });
    await expect(socket.send('say', { text: 'hallo' })).resolves.toEqual({ ok: true, said: 'hallo' });
    expect(limiter.consume).not.toHaveBeenCalled();
    expect(handle.mock.calls[0][2]).toBeNull();
  });

  it('spends nothing for a command without a policy', async () => {
    const { socket, limiter } = setup(ANNA, {});
    await socket.send('say', { text: 'hallo' });
    expect(limiter.consume).not.toHaveBeenCalled();
  });
});

describe('SocketCommands: token re-check', () => {
  it('does not ask again within 5 s of the last check', async () => {
    const { socket, identity } = setup(ANNA, { recheck: 'required' });
    socket.data.checkedAt = Date.now() - 1000;
    await expect(socket.send('say', { text: 'hallo' })).resolves.toEqual({ ok: true, said: 'hallo' });
    expect(identity.authenticate).not.toHaveBeenCalled();
  });

  it('checks the handshake token again after 5 s and acts as whom it names now', async () => {
    const { socket, identity, handle } = setup(ANNA, { recheck: 'required' });
    stale(socket);
    identity.authenticate.mockResolvedValueOnce({ personId: 'p-anna', displayName: 'Anna Renamed', guest: false });
    await expect(socket.send('say', { text: 'hallo' })).resolves.toEqual({ ok: true, said: 'hallo' });
    expect(identity.authenticate.mock.calls).toEqual([['token-of-anna']]);
    expect(handle.mock.calls[0][2]).toEqual({ personId: 'p-anna', displayName: 'Anna Renamed', guest: false });
  });

  it("'required': a withdrawn token is answered UNAUTHENTICATED, the handler does not run, and the socket is closed after the ack", async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const { socket, identity, handle } = setup(ANNA, { recheck: 'required' });
    stale(socket);
    identity.authenticate.mockRejectedValueOnce(new DomainError('UNAUTHENTICATED', 'This sign-in link has been withdrawn'));
    await expect(socket.send('say', { text: 'hallo' })).resolves.toEqual({ error: { code: 'UNAUTHENTICATED', message: 'This sign-in link has been withdrawn' } });
    expect(handle).not.toHaveBeenCalled();
    expect(socket.disconnects).toEqual([]);
    jest.advanceTimersByTime(100);
    expect(socket.disconnects).toEqual([true]);
  });

  it("'optional': a withdrawn token goes on as anyone", async () => {
    const { socket, identity, handle } = setup(ANNA, { recheck: 'optional' });
    stale(socket);
    identity.authenticate.mockRejectedValueOnce(new DomainError('UNAUTHENTICATED', 'This sign-in link has been withdrawn'));
    await expect(socket.send('say', { text: 'hallo' })).resolves.toEqual({ ok: true, said: 'hallo' });
    expect(handle.mock.calls[0][2]).toBeNull();
    expect(socket.data.principal).toBeNull();
    expect(socket.disconnects).toEqual([]);
  });

  it("'optional': a database hiccup during the check signs nobody out; the command is answered UNAVAILABLE", async () => {
    const { socket, identity, handle } = setup(ANNA, { recheck: 'optional' });
    stale(socket);
    identity.authenticate.mockRejectedValueOnce(dbCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'));
    await expect(socket.send('say', { text: 'hallo' })).resolves.toEqual({
      error: { code: 'UNAVAILABLE', message: 'The database is not reachable right now; nothing was changed. Please try again shortly.' },
    });
    expect(handle).not.toHaveBeenCalled();
    expect(socket.data.principal).toEqual(ANNA);
  });

  it('never checks for a command declared without re-check (leave, part)', async () => {
    const { socket, identity } = setup(ANNA, {});
    stale(socket);
    await socket.send('say', { text: 'hallo' });
    expect(identity.authenticate).not.toHaveBeenCalled();
  });
});

describe('SocketCommands: transient retry', () => {
  beforeEach(() => jest.spyOn(Math, 'random').mockReturnValue(0));
  afterEach(() => jest.restoreAllMocks());

  it('runs a retried command again while the database is briefly away, then acks its answer', async () => {
    const handle = failing(dbCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'));
    const { socket } = setup(ANNA, { retry: true, handle });
    await expect(socket.send('say', { text: 'hallo' })).resolves.toEqual({ ok: true, joined: true });
    expect(handle).toHaveBeenCalledTimes(2);
  });

  it('does not repeat a refusal', async () => {
    const handle = failing(new DomainError('NOT_FOUND', 'No such session'));
    const { socket } = setup(ANNA, { retry: true, handle });
    await expect(socket.send('say', { text: 'hallo' })).resolves.toEqual({ error: { code: 'NOT_FOUND', message: 'No such session' } });
    expect(handle).toHaveBeenCalledTimes(1);
  });

  it('re-checks the token on each try, so a check that failed transiently is tried again too', async () => {
    const { socket, identity, handle } = setup(ANNA, { retry: true, recheck: 'required' });
    stale(socket);
    identity.authenticate.mockRejectedValueOnce(dbCode('57P03', 'the database system is starting up')).mockResolvedValueOnce(ANNA);
    await expect(socket.send('say', { text: 'hallo' })).resolves.toEqual({ ok: true, said: 'hallo' });
    expect(identity.authenticate).toHaveBeenCalledTimes(2);
    expect(handle).toHaveBeenCalledTimes(1);
  });
});
