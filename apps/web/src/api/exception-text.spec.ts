import { ERROR_CODES, type ErrorCode, type SocketException } from '@podium/contracts';
import { translate } from '../i18n/I18nProvider';
import { exceptionTextKey } from './exception-text';

const exception = (code: string): SocketException => ({ event: 'fishbowl:ask', error: { code: code as ErrorCode, message: 'english detail for logs' } });

// Written by hand: what a person reads when the server refuses a live action.
const TEXTS: Array<[ErrorCode, string, string]> = [
  ['VALIDATION', 'Der Server konnte Ihre letzte Aktion nicht lesen und hat nichts geändert. Bitte laden Sie die Seite neu.', 'The server could not read your last action and changed nothing. Please reload the page.'],
  ['UNAUTHENTICATED', 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.', 'Your sign-in has expired. Please sign in again.'],
  ['FORBIDDEN', 'Das dürfen Sie hier leider nicht.', 'Sorry, you may not do that here.'],
  ['NOT_FOUND', 'Das gibt es nicht (mehr).', 'That does not exist (any more).'],
  ['CONFLICT', 'Das geht gerade nicht, der Stand hat sich inzwischen geändert.', 'That is not possible right now; things have changed in the meantime.'],
  ['STALE_VERSION', 'Die Ansicht war nicht mehr aktuell. Bitte noch einmal versuchen.', 'The view was out of date. Please try again.'],
  ['RATE_LIMITED', 'Das war etwas viel auf einmal. Bitte einen Moment warten und dann weitermachen.', 'That was a bit much at once. Please wait a moment, then carry on.'],
  ['UNAVAILABLE', 'Der Server ist gerade nicht bereit. Bitte gleich noch einmal versuchen.', 'The server is not ready right now. Please try again in a moment.'],
  ['PAYLOAD_TOO_LARGE', 'Die Nachricht war zu groß und wurde nicht angenommen.', 'The message was too large and was not accepted.'],
  ['INTERNAL', 'Auf dem Server ist ein Fehler aufgetreten. Bitte gleich noch einmal versuchen.', 'Something went wrong on the server. Please try again in a moment.'],
];

describe('the text for a socket exception, in German and English', () => {
  it.each(TEXTS)('%s', (code, de, en) => {
    const key = exceptionTextKey(exception(code));
    expect([translate('de', key), translate('en', key)]).toEqual([de, en]);
  });

  it('has a text for every error code of the contract', () => {
    expect(TEXTS.map(([code]) => code).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('never shows the server’s English message or the bare code', () => {
    for (const [code] of TEXTS) {
      const text = translate('de', exceptionTextKey(exception(code)));
      expect(text).not.toContain('english detail');
      expect(text).not.toContain(code);
    }
  });

  it('reads a code this client does not know (a newer server) as a server error', () => {
    expect(translate('en', exceptionTextKey(exception('SOMETHING_NEW')))).toBe('Something went wrong on the server. Please try again in a moment.');
  });
});
