import { TOKEN_REFRESH_MARGIN_SECONDS, TOKEN_TTL_SECONDS, tokenNeedsRefresh, tokenTimes } from './token-policy';

describe('token policy', () => {
  const now = Date.UTC(2026, 5, 1, 9, 0, 0, 500);

  it('issues 10-minute tokens with a refresh point 2 minutes before expiry', () => {
    const t = tokenTimes(now);
    expect(TOKEN_TTL_SECONDS).toBe(600);
    expect(t.expiresAt - t.issuedAt).toBe(600);
    expect(t.expiresAt - t.refreshAt).toBe(TOKEN_REFRESH_MARGIN_SECONDS);
    expect(t.issuedAt).toBe(Math.floor(now / 1000));
  });

  it('asks for a refresh only inside the margin', () => {
    const { expiresAt, refreshAt } = tokenTimes(now);
    expect(tokenNeedsRefresh(expiresAt, now)).toBe(false);
    expect(tokenNeedsRefresh(expiresAt, refreshAt * 1000 - 1)).toBe(false);
    expect(tokenNeedsRefresh(expiresAt, refreshAt * 1000)).toBe(true);
    expect(tokenNeedsRefresh(expiresAt, (expiresAt + 60) * 1000)).toBe(true);
  });
});
