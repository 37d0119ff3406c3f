/**
 * The fishbowl end to end in real Chromium, against the real api, PostgreSQL and LiveKit server:
 * an attendee asks for a seat; a moderator (second browser context) invites; the attendee checks
 * camera and microphone, accepts and publishes; a third viewer sees the new speaker's tile; the
 * moderator confirms the rotation and the tile disappears again.
 */
import type { Page } from 'playwright-core';
import { screenshotPath } from '../support/browser';
import { addToSession, createSession } from '../livestream/fixtures';
import { signIn } from '../support/people';
import { SLUG, startConferencePages, type ConferencePages, type Person } from './conference-pages';
import { axeSerious, prepareContext, settle, type AxeFinding } from './helpers';

describe('fishbowl in the browser (Chromium + LiveKit)', () => {
  let pages: ConferencePages;
  let sessionId: string;
  let moderator: Person;
  let attendee: Person;
  let viewer: Person;

  beforeAll(async () => {
    pages = await startConferencePages('web-fishbowl');
    moderator = await signIn(pages.app, 'moderator', 'Moritz Moderator', SLUG);
    attendee = await signIn(pages.app, 'attendee', 'Ayşe Arslan', SLUG);
    viewer = await signIn(pages.app, 'attendee', 'Viktor Zuschauer', SLUG);
    // A fishbowl running around now (the demo sessions lie in the past), moderated by Moritz (a fixed chair).
    sessionId = await createSession(pages.app, { kind: 'fishbowl', title: 'Aktuelle Stunde im Fishbowl', endsInMinutes: 120 });
    await addToSession(pages.app, sessionId, moderator.personId, 'moderator');
  }, 120_000);

  afterAll(async () => {
    await pages?.stop();
  });

  /** Its own `open`: sized pages, and the listeners in place before the page loads (no page error may slip by). */
  async function open(person: Person, name: string, path: string, size: { width: number; height: number }): Promise<Page> {
    const { context, page } = await pages.browser.newPage(size);
    await prepareContext(context, { token: person.token, displayName: name, lang: 'de' });
    page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
    page.on('console', (m) => consoleLines.push(`${new Date().toISOString()} ${name} ${m.type()}: ${m.text().slice(0, 300)}`));
    await page.goto(pages.app.url + path);
    await settle(page);
    opened.push({ name, page });
    return page;
  }
  const pageErrors: string[] = [];
  const consoleLines: string[] = [];
  const opened: { name: string; page: Page }[] = [];
  /** On failure: a screenshot and the visible text of every page, and what the pages logged. */
  async function diagnose(): Promise<void> {
    for (const { name, page } of opened) {
      await page.screenshot({ path: screenshotPath(`flow-failed-${name}`), fullPage: true }).catch(() => undefined);
      const text = await page.evaluate(() => document.body.innerText).catch((e: Error) => e.message);
      consoleLines.push(`--- ${name} text:\n${text.slice(0, 2000)}`);
    }
    console.log(`fishbowl flow failed; browser console and page texts:\n${consoleLines.slice(-200).join('\n')}`);
  }
  const findings: AxeFinding[] = [];
  const shot = (page: Page, name: string) => page.screenshot({ path: screenshotPath(`flow-${name}`), fullPage: true });
  const tileOf = (page: Page, personId: string) => page.locator(`[data-testid="stage-tile"][data-identity="${personId}"]`);

  it('asks, invites, accepts, publishes, shows the tile to others and rotates the speaker out', async () => {
    await flow().catch(async (error: unknown) => {
      await diagnose();
      throw error;
    });
  }, 240_000);

  async function flow(): Promise<void> {
    const live = `/c/${SLUG}/s/${sessionId}/live`;
    // Moderator: two chairs (the moderator's fixed one and one open), then start.
    const mod = await open(moderator, 'Moritz Moderator', `/c/${SLUG}/s/${sessionId}/moderation`, { width: 1280, height: 1000 });
    await mod.locator('#set-chairs').waitFor({ timeout: 20_000 });
    await mod.locator('#set-chairs').fill('2');
    await mod.getByRole('button', { name: 'Einstellungen speichern' }).click();
    await mod.getByText('Einstellungen gespeichert.').waitFor();
    await mod.getByRole('button', { name: 'Fishbowl starten' }).click();
    await mod.getByText('Fishbowl: läuft').waitFor();

    // Attendee asks for a seat with a topic and learns their position (also in the live region).
    const a = await open(attendee, 'Ayşe Arslan', live, { width: 1280, height: 900 });
    await a.getByLabel('Ihr Thema (optional)').fill('Wohnungsmarkt und Teilhabe');
    await a.getByRole('button', { name: 'Um einen Platz bitten' }).click();
    await a.getByTestId('my-position').getByText('Sie sind an Position 1.').waitFor();
    await a.getByTestId('announce-polite').getByText('Position 1', { exact: false }).waitFor();
    await shot(a, 'attendee-queued');

    // Moderator sees the request and invites.
    const entry = mod.locator(`.queue [data-person="${attendee.personId}"]`);
    await entry.getByText('Wohnungsmarkt und Teilhabe', { exact: false }).waitFor();
    await shot(mod, 'moderator-queue');
    findings.push(...(await axeSerious(mod, 'flow-moderator-queue')));
    await entry.getByRole('button', { name: 'Einladen Ayşe Arslan' }).click();

    // Attendee: the invitation is announced, the device check passes, accept before the time runs out.
    await a.getByTestId('invitation').waitFor();
    await a.getByTestId('announce-urgent').getByText('Sie sind eingeladen', { exact: false }).waitFor();
    await a.locator('[data-testid="device-check-result"][data-result="ok"]').waitFor({ timeout: 15_000 });
    await shot(a, 'attendee-invited');
    findings.push(...(await axeSerious(a, 'flow-attendee-invited')));
    await a.getByRole('button', { name: 'Annehmen und Platz nehmen' }).click();
    await a.getByText('Sie sitzen auf Stuhl 2.').waitFor();

    // Publishing starts once LiveKit grants it; the attendee sees their own tile with video.
    await tileOf(a, attendee.personId).locator('video').waitFor({ timeout: 30_000 });
    await a.getByRole('button', { name: 'Mikrofon' }).waitFor();
    // On air, said in words: the LIVE block and the camera state (the fake camera is on).
    expect(await a.getByTestId('on-air').locator('.on-air__badge').innerText()).toBe('LIVE Sie sind live auf dem Podium');
    await a.getByTestId('on-air-media').getByText('Kamera an – alle sehen Sie').waitFor();
    expect(await a.getByTestId('on-air-media').innerText()).toMatch(/Mikrofon (an – alle hören Sie|aus)/);
    await shot(a, 'attendee-on-stage');

    // A third person sees the new speaker's tile, with live video frames.
    const v = await open(viewer, 'Viktor Zuschauer', live, { width: 360, height: 780 });
    await tileOf(v, attendee.personId).locator('video').waitFor({ timeout: 30_000 });
    await v.waitForFunction(
      (id) => {
        const video = document.querySelector(`[data-testid="stage-tile"][data-identity="${id}"] video`) as HTMLVideoElement | null;
        return !!video && video.videoWidth > 0;
      },
      attendee.personId,
      { timeout: 30_000 },
    );
    await shot(v, 'viewer-sees-speaker');
    // Above the stage: LIVE, the time since the start (5 minutes ago) and the three people in the room
    // (the moderator's console, the seated attendee, this viewer).
    await v.getByTestId('stage-header').getByText('3 Personen im Livestream').waitFor({ timeout: 15_000 });
    expect(await v.getByTestId('stage-header').innerText()).toMatch(/^LIVE\s+seit (5|6|7|8|9):\d\d\s+3 Personen im Livestream$/);

    // The viewer asks too: every open chair is taken and someone waits, so a rotation is suggested.
    await v.getByRole('button', { name: 'Um einen Platz bitten' }).click();
    await v.getByTestId('my-position').waitFor();
    const suggestion = mod.getByTestId('rotation-suggestion');
    await suggestion.getByText('Ayşe Arslan', { exact: false }).waitFor({ timeout: 15_000 });
    await shot(mod, 'moderator-rotation');
    await suggestion.getByRole('button', { name: 'Wechsel bestätigen' }).click();

    // The speaker leaves the chair and the stage: the tile disappears for the viewer and for her.
    await tileOf(v, attendee.personId).waitFor({ state: 'detached', timeout: 30_000 });
    await a.getByTestId('announce-polite').getByText('Sie haben den Stuhl verlassen.').waitFor();
    await tileOf(a, attendee.personId).waitFor({ state: 'detached', timeout: 30_000 });
    await shot(v, 'viewer-after-rotation');

    expect(findings).toEqual([]);
    expect(pageErrors).toEqual([]);
  }
});
