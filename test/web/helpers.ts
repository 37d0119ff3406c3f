import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';

export const AXE_DIR = resolve(__dirname, '..', '..', 'test-artifacts', 'axe');

/** Signs a browser context in (as /signin/<secret> would) and picks the language, before any page loads. */
export async function prepareContext(context: BrowserContext, options: { token?: string; displayName?: string; lang: 'de' | 'en' }): Promise<void> {
  await context.addInitScript(
    ({ token, displayName, lang }) => {
      if (token) localStorage.setItem('podium.session', JSON.stringify({ token, displayName }));
      localStorage.setItem('podium.lang', lang);
    },
    { token: options.token ?? null, displayName: options.displayName ?? '', lang: options.lang },
  );
}

/** Waits until the page shows its heading and no loading notice any more. */
export async function settle(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 15_000 });
  await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
  await page
    .waitForFunction(() => !/Wird geladen|Loading …/.test(document.querySelector('main')?.textContent ?? ''), undefined, { timeout: 10_000 })
    .catch(() => undefined);
}

export interface AxeFinding {
  page: string;
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

/** Runs axe-core (WCAG 2.0/2.1 A and AA) and returns the serious and critical findings. */
export async function axeSerious(page: Page, label: string): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  mkdirSync(AXE_DIR, { recursive: true });
  writeFileSync(join(AXE_DIR, `${label.replace(/[^a-z0-9-]+/gi, '-')}.json`), JSON.stringify(result.violations, null, 2));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ page: label, id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Every focusable control can be reached with Tab and shows a visible focus outline. */
export async function checkKeyboardFocus(page: Page, maxTabs = 40): Promise<string[]> {
  const problems: string[] = [];
  await page.locator('body').focus();
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      return { tag: el.tagName, text: (el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 40), visible };
    });
    if (!info) continue;
    if (!info.visible) problems.push(`${info.tag} "${info.text}" has no visible focus`);
  }
  return problems;
}
