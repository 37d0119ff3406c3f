import { translate } from '../i18n/I18nProvider';
import { valueFormat } from '../i18n/values';
import { problemText, readScheduleInput, type XmlCheck } from './schedule-text';

// The browser's DOMParser is the page's check; here a stand-in that knows the few texts below.
const xmlCheck: XmlCheck = (xml) => {
  if (xml.includes('</broken>')) return { line: 2, column: 9 };
  if (xml.includes('<!')) return {};
  return { root: /<(\w+)/.exec(xml.replace(/<\?.*?\?>/, ''))?.[1] ?? '', children: xml.includes('<conference') ? ['version', 'conference'] : ['version'] };
};
const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate('de', key, vars);
const german = (text: string) => {
  const input = readScheduleInput(text, xmlCheck);
  return input.kind === 'problem' ? problemText(input.problem, t, valueFormat('de', t)) : input.kind;
};

describe('the import page tells schedule.json from schedule.xml by content and names bad input in German', () => {
  it('takes JSON and XML by their first character, after a byte order mark and white space', () => {
    expect(readScheduleInput('\uFEFF {"schedule": {"conference": {}}}', xmlCheck)).toEqual({ kind: 'json', json: { schedule: { conference: {} } } });
    expect(readScheduleInput('\n<?xml version="1.0"?>\n<schedule><conference/></schedule>', xmlCheck)).toEqual({ kind: 'xml', xml: '\n<?xml version="1.0"?>\n<schedule><conference/></schedule>' });
    expect(readScheduleInput('\uFEFF<schedule><conference/></schedule>', xmlCheck)).toEqual({ kind: 'xml', xml: '<schedule><conference/></schedule>' });
    // "schedule 2" goes to the server, which says which version it reads.
    expect(readScheduleInput('{"schedule": {"version": "2.0", "events": []}}', xmlCheck).kind).toBe('json');
  });

  it.each([
    ['   \n', 'Bitte eine Datei wählen oder den Inhalt einfügen.'],
    ['schedule: yes', 'Das ist weder JSON noch XML: Der Text beginnt mit „schedule: yes“. Eine schedule.json beginnt mit „{“, eine schedule.xml mit „<“. Nichts wurde importiert.'],
    ['%PDF-1.7 binary stuff and more of it', 'Das ist weder JSON noch XML: Der Text beginnt mit „%PDF-1.7 binary stuf…“. Eine schedule.json beginnt mit „{“, eine schedule.xml mit „<“. Nichts wurde importiert.'],
    ['{"schedule": {\n  "version": "1",\n', 'Das ist kein gültiges JSON: Fehler in Zeile 3, Spalte 1. Nichts wurde importiert.'],
    ['{"schedule": {"version": "1",}}', 'Das ist kein gültiges JSON: Fehler in Zeile 1, Spalte 30. Nichts wurde importiert.'],
    ['[1, 2]', 'Das ist keine schedule.json: Auf oberster Ebene fehlt das Objekt „schedule“. Nichts wurde importiert.'],
    ['{"schedule": "yes"}', 'Das ist keine schedule.json: Auf oberster Ebene fehlt das Objekt „schedule“. Nichts wurde importiert.'],
    ['<schedule>\n  <day></broken>', 'Das ist kein wohlgeformtes XML: Fehler in Zeile 2, Spalte 9. Nichts wurde importiert.'],
    ['{"schedule": {"version": "1"}}', 'Das ist keine schedule.json: Unter „schedule“ fehlt das Objekt „conference“. Nichts wurde importiert.'],
    ['<schedule><version>1</version></schedule>', 'Das ist keine schedule.xml: Unter <schedule> fehlt <conference>. Nichts wurde importiert.'],
    ['<!DOCTYPE x', 'Das ist kein wohlgeformtes XML. Nichts wurde importiert.'],
    ['<?xml version="1.0"?><html><body/></html>', 'Das ist keine schedule.xml: Das äußerste Element ist <html>, nicht <schedule>. Nichts wurde importiert.'],
  ])('refuses %j', (text, message) => {
    expect(german(text)).toBe(message);
  });
});
