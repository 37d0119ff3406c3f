// The end of a spec with Chromium, the api and rtc-node viewers.
import { dispose } from '@livekit/rtc-node';
import type { TestApp } from '../support/app';
import type { TestBrowser } from '../support/browser';
import { disconnectAll } from '../livestream/rtc';

/** Browser first (its publications end), then the viewers, the api, and rtc-node's native side (it keeps jest alive). */
export async function closeMediaSpec(browser: TestBrowser | undefined, app: TestApp | undefined): Promise<void> {
  await browser?.close();
  await disconnectAll();
  await app?.stop();
  await dispose();
}
