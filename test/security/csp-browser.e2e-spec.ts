// Real Chromium under the real CSP (script-src 'self', no inline scripts): the sign-in page and the API docs work.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { webDistDir } from '../../apps/api/src/paths';
import { IdentityService } from '../../apps/api/src/identity/identity.service';
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, type TestBrowser } from '../support/browser';
import type { Page } from 'playwright-core';

/** Every CSP violation the page reports, collected from the browser's console. */
function violations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && seen.push(m.text()));
  return seen;
}

describe('the CSP in real Chromium', () => {
  let app: TestApp;
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('sec-csp-browser', { livekit: false, env: { API_DOCS: 'true' } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('a sign-in link stores the session and opens the app without any blocked script', async () => {
    const invitation = await app.podium.app.get(IdentityService).invite({ displayName: 'Kim Klick', role: 'attendee', conferenceId: null });
    const { page } = await browser.newPage();
    const blocked = violations(page);
    await page.goto(invitation.link.replace(/^https?:\/\/[^/]+/, app.url));
    await page.waitForURL(`${app.url}/`, { timeout: 15_000 });
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('podium.session'))) ?? 'null');
    expect(stored).toEqual({ token: expect.any(String), displayName: 'Kim Klick' });
    expect(blocked).toEqual([]);
  });

  it('the web client renders its start page without any blocked script', async () => {
    if (!existsSync(join(webDistDir(), 'index.html'))) throw new Error('No built web client: run "npm run build:web" first');
    const { page } = await browser.newPage();
    const blocked = violations(page);
    await page.goto(`${app.url}/`);
    await page.waitForFunction(() => (document.getElementById('root')?.childElementCount ?? 0) > 0, undefined, { timeout: 15_000 });
    await page.getByRole('heading').first().waitFor({ state: 'visible', timeout: 15_000 });
    expect(blocked).toEqual([]);
  });

  it('Swagger UI at /api/docs renders the API without any blocked script', async () => {
    const { page } = await browser.newPage();
    const blocked = violations(page);
    await page.goto(`${app.url}/api/docs`);
    await page.getByText('Podium API').first().waitFor({ state: 'visible', timeout: 15_000 });
    expect(blocked).toEqual([]);
  });
});
