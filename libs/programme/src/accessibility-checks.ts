import type { AutomatedCheck } from '@podium/contracts';

/**
 * The automated accessibility checks the project runs on every version, for the statement page. A list kept by
 * hand beside the tests, not results of this installation: axe runs in the test suite against test data, so
 * "passed on this server" would claim more than we know. A check added to the tests is added here.
 */
export const AUTOMATED_ACCESSIBILITY_CHECKS: readonly AutomatedCheck[] = [
  { id: 'axe-pages', what: 'Die Seiten der Anwendung auf Deutsch und Englisch, auf Telefon und Desktop: keine schweren oder kritischen Verstöße gegen WCAG 2.1 A und AA, soweit automatisch prüfbar', tool: 'axe-core in Chromium', where: 'test/web/pages.e2e-spec.ts' },
  { id: 'keyboard', what: 'Bedienelemente mit der Tastatur erreichbar, mit sichtbarem Fokus', tool: 'Chromium, nur Tastatur', where: 'test/web/pages.e2e-spec.ts' },
  { id: 'captions', what: 'Live-Untertitel erscheinen, lassen sich per Tastatur in Größe, Kontrast und Position ändern und bleiben gespeichert', tool: 'Chromium, LiveKit, axe-core', where: 'test/captions/captions-web.e2e-spec.ts' },
  { id: 'sign-language-video', what: 'Gebärdensprachvideo kommt mit mindestens 320×240 Pixeln und 25 Bildern pro Sekunde an, auch bei der niedrigsten Qualitätsstufe (gemessen)', tool: 'LiveKit, rtc-node', where: 'test/accessibility/sign-language-video.e2e-spec.ts' },
  { id: 'sign-language-camera', what: 'Die Dolmetscherin sendet ihr Gebärdensprachbild von der Live-Seite aus, auch nach einem Verbindungsabbruch; es kommt mit mindestens 320×240 Pixeln und 25 Bildern pro Sekunde an (gemessen)', tool: 'Chromium, LiveKit, rtc-node', where: 'test/accessibility/sign-language-web.e2e-spec.ts' },
  { id: 'sign-language-pip', what: 'Das Bild der Gebärdensprachdolmetschung lässt sich per Tastatur verschieben, vergrößern und ausblenden', tool: 'Chromium, axe-core', where: 'test/accessibility/live-access-web.e2e-spec.ts' },
  { id: 'interpretation', what: 'Dolmetschkanäle: Zuhörende wählen per Tastatur eine Sprache und hören nur diesen Kanal', tool: 'LiveKit, rtc-node, Chromium', where: 'test/accessibility/interpretation.e2e-spec.ts' },
  { id: 'statement', what: 'Startseite mit Gebärdensprachvideo und Leichter Sprache, diese Erklärung: ohne axe-Verstöße, per Tastatur bedienbar', tool: 'Chromium, axe-core', where: 'test/accessibility/statement-web.e2e-spec.ts' },
];
