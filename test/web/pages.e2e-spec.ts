/**
 * Every page of the web client in real Chromium against the real api and PostgreSQL:
 * German and English, a 360 px phone and a desktop. Screenshots land in test-artifacts/screenshots;
 * axe-core must find no serious or critical WCAG 2.1 AA violation on any of them.
 */
import { startTestApp, type TestApp } from '../support/app';
import { launchBrowser, screenshotPath, type TestBrowser } from '../support/browser';
import { signIn } from '../support/people';
import { axeSerious, checkKeyboardFocus, prepareContext, settle, type AxeFinding } from './helpers';

const SLUG = 'buko-2020';
const VIEWPORTS = [
  { name: 'phone', width: 360, height: 780 },
  { name: 'desktop', width: 1280, height: 900 },
] as const;
const LANGS = ['de', 'en'] as const;

type Who = 'visitor' | 'attendee' | 'moderator' | 'organiser';

describe('web pages (Chromium, axe, screenshots)', () => {
  let app: TestApp;
  let browser: TestBrowser;
  const people: Partial<Record<Who, { token: string; name: string }>> = {};
  let fishbowlId: string;
  let plenaryId: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await startTestApp('web-pages', { livekit: false });
    for (const [who, role, name] of [
      ['attendee', 'attendee', 'Ayşe Teilnehmerin'],
      ['moderator', 'moderator', 'Moritz Moderator'],
      ['organiser', 'organiser', 'Olga Organisatorin'],
    ] as const) {
      const { token } = await signIn(app, role, name, SLUG);
      people[who] = { token, name };
    }
    const rows: { id: string; kind: string }[] = await app.podium.dataSource.query(
      'SELECT s.id, s.kind FROM session s JOIN conference c ON c.id = s.conference_id WHERE c.slug = $1 ORDER BY s.starts_at',
      [SLUG],
    );
    fishbowlId = rows.find((r) => r.kind === 'fishbowl')!.id;
    plenaryId = rows.find((r) => r.kind === 'welcome')!.id;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const pages: { name: string; path: () => string; who: Who }[] = [
    { name: 'home', path: () => '/', who: 'visitor' },
    { name: 'programme', path: () => `/c/${SLUG}`, who: 'visitor' },
    { name: 'my-programme', path: () => `/c/${SLUG}/mein-programm`, who: 'attendee' },
    { name: 'session-details', path: () => `/c/${SLUG}/s/${fishbowlId}`, who: 'moderator' },
    { name: 'guest-sign-in', path: () => `/c/${SLUG}/gast`, who: 'visitor' },
    { name: 'live-fishbowl', path: () => `/c/${SLUG}/s/${fishbowlId}/live`, who: 'attendee' },
    { name: 'live-plenary', path: () => `/c/${SLUG}/s/${plenaryId}/live`, who: 'attendee' },
    { name: 'hall', path: () => `/h/${SLUG}/${fishbowlId}`, who: 'attendee' },
    { name: 'hall-signed-out', path: () => `/h/${SLUG}/${fishbowlId}`, who: 'visitor' },
    { name: 'projector', path: () => `/p/${SLUG}/${fishbowlId}`, who: 'attendee' },
    { name: 'projector-signed-out', path: () => `/p/${SLUG}/${fishbowlId}`, who: 'visitor' },
    { name: 'moderator-console', path: () => `/c/${SLUG}/s/${fishbowlId}/moderation`, who: 'moderator' },
    { name: 'backstage', path: () => `/c/${SLUG}/s/${plenaryId}/backstage`, who: 'moderator' },
    { name: 'organiser-conference', path: () => `/c/${SLUG}/organisation`, who: 'organiser' },
    { name: 'organiser-rooms', path: () => `/c/${SLUG}/organisation/rooms`, who: 'organiser' },
    { name: 'organiser-sessions', path: () => `/c/${SLUG}/organisation/sessions`, who: 'organiser' },
    { name: 'organiser-people', path: () => `/c/${SLUG}/organisation/people`, who: 'organiser' },
    { name: 'organiser-import', path: () => `/c/${SLUG}/organisation/import`, who: 'organiser' },
    { name: 'organiser-conflicts', path: () => `/c/${SLUG}/organisation/conflicts`, who: 'organiser' },
    { name: 'organiser-attendance', path: () => `/c/${SLUG}/organisation/attendance`, who: 'organiser' },
    { name: 'not-found', path: () => '/gibt-es-nicht', who: 'visitor' },
  ];

  // One test per language and screen: 84 pages in one test came within 110 s of its 600 s limit on a loaded CI machine.
  const combinations = LANGS.flatMap((lang) => VIEWPORTS.map((viewport) => ({ lang, viewport })));
  it.each(combinations)('renders every page in $lang on a $viewport.name without serious axe findings', async ({ lang, viewport }) => {
    const findings: AxeFinding[] = [];
    const pageErrors: string[] = [];
    const overflows: string[] = [];
    const failures: string[] = [];
    for (const p of pages) {
      const person = p.who === 'visitor' ? undefined : people[p.who]!;
      const { context, page } = await browser.newPage({ width: viewport.width, height: viewport.height, locale: lang === 'de' ? 'de-DE' : 'en-GB' });
      page.on('pageerror', (error) => pageErrors.push(`${p.name}: ${error.message}`));
      const label = `${p.name}-${lang}-${viewport.name}`;
      try {
        await prepareContext(context, { token: person?.token, displayName: person?.name, lang });
        await page.goto(app.url + p.path());
        await settle(page);
        if ((await page.getAttribute('html', 'lang')) !== lang) failures.push(`${label}: <html lang> is not ${lang}`);
        await page.screenshot({ path: screenshotPath(label), fullPage: true });
        findings.push(...(await axeSerious(page, label)));
        if (viewport.name === 'phone') {
          // Nothing may force a horizontal scrollbar on a 360 px phone.
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          if (overflow > 1) overflows.push(`${label}: ${overflow}px wider than the screen`);
        }
      } catch (error) {
        failures.push(`${label}: ${(error as Error).message.split('\n')[0]}`);
        await page.screenshot({ path: screenshotPath(`FAILED-${label}`), fullPage: true }).catch(() => undefined);
      } finally {
        await context.close();
      }
    }
    expect(failures).toEqual([]);
    expect(findings).toEqual([]);
    expect(overflows).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 600_000);

  it('switches the language and keeps every control reachable by keyboard with a visible focus', async () => {
    const { context, page } = await browser.newPage({ width: 1280, height: 900 });
    try {
      await prepareContext(context, { lang: 'de' });
      await page.goto(`${app.url}/c/${SLUG}`);
      await settle(page);
      await page.getByRole('button', { name: 'English' }).click();
      await expect(page.getByRole('heading', { name: 'Now and next' }).isVisible()).resolves.toBe(true);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await checkKeyboardFocus(page)).toEqual([]);
      // The skip link is the first stop and leads to the content.
      await page.reload();
      await settle(page);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#main');
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows the no-media banner when LiveKit is not available', async () => {
    const { context, page } = await browser.newPage({ width: 360, height: 780 });
    try {
      await prepareContext(context, { lang: 'de' });
      await page.goto(app.url + '/');
      await page.getByTestId('media-banner').waitFor({ timeout: 10_000 });
      expect(await page.getByTestId('media-banner').innerText()).toContain('Ohne Livestream');
    } finally {
      await context.close();
    }
  }, 60_000);
});
