// Real Chromium for browser tests: Debian's /usr/bin/chromium driven by playwright-core.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.PODIUM_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve(__dirname, '..', '..', 'test-artifacts', 'screenshots');

/** Flags from docs (livekit.md): fake camera and microphone, loopback WebRTC, no background traffic. */
export const CHROMIUM_FLAGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  '--disable-background-networking',
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  browser: Browser;
  /** A fresh context (own storage, own permissions) per person. */
  newPage(options?: { width?: number; height?: number; locale?: string }): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

export function requireChromium(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian chromium: apt-get install chromium (or set PODIUM_CHROMIUM)`);
  }
  return CHROMIUM_PATH;
}

/**
 * Launches Chromium. playwright's launch() gives every run a fresh temporary profile
 * (--user-data-dir) and each newPage() a fresh context, so no state leaks between people or runs.
 */
export async function launchBrowser(options: { fakeCameraFps?: number } = {}): Promise<TestBrowser> {
  const executablePath = requireChromium();
  // The fake camera runs at 20 fps unless told otherwise (Chromium's default); `fps=N` sets its rate.
  const args = options.fakeCameraFps
    ? CHROMIUM_FLAGS.map((flag) => (flag === '--use-fake-device-for-media-stream' ? `${flag}=fps=${options.fakeCameraFps}` : flag))
    : CHROMIUM_FLAGS;
  const browser = await chromium.launch({ executablePath, headless: true, args }).catch((error: Error) => {
    throw new Error(`Chromium at ${executablePath} did not start: ${error.message}`);
  });
  return {
    browser,
    async newPage({ width = 1280, height = 900, locale = 'de-DE' } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale, timezoneId: 'Europe/Berlin', permissions: ['camera', 'microphone'] });
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
}
