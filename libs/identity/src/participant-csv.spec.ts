import { detectSeparator, parseCsv, readParticipantList } from './participant-csv';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with separators, doubled quotes and line breaks', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n';
    expect(parseCsv(text).records).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
    ]);
  });

  it('finds the separator German Excel writes and drops the BOM', () => {
    const text = '\uFEFFName;E-Mail\nMüller, Anna;anna@example.org\n';
    expect(detectSeparator('Name;E-Mail\n')).toBe(';');
    expect(detectSeparator('name,email\n')).toBe(',');
    expect(parseCsv(text).records).toEqual([
      ['Name', 'E-Mail'],
      ['Müller, Anna', 'anna@example.org'],
    ]);
  });

  it('keeps empty fields, skips blank lines and counts lines inside quotes', () => {
    const { records, lines } = parseCsv('a;b;c\n\n1;;3\n"x\ny";2;\n');
    expect(records).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
      ['x\ny', '2', ''],
    ]);
    expect(lines).toEqual([1, 3, 4]);
  });
});

describe('readParticipantList', () => {
  it('reads German column names and role words', () => {
    const text = '\uFEFFName;E-Mail;Organisation;Funktion;Rolle;Sprache\r\n' + 'Anna Müller;Anna@Example.org;Stadt Köln;Integrationsbeauftragte;Referentin;de\r\n' + 'Ben Li;ben@example.org;;;;en\r\n';
    expect(readParticipantList(text)).toEqual({
      errors: [],
      rows: [
        { line: 2, name: 'Anna Müller', email: 'anna@example.org', organisation: 'Stadt Köln', function: 'Integrationsbeauftragte', role: 'speaker', language: 'de' },
        { line: 3, name: 'Ben Li', email: 'ben@example.org', organisation: null, function: null, role: 'attendee', language: 'en' },
      ],
    });
  });

  it('reads English column names with commas', () => {
    const text = 'name,email,organisation,function,role\n"Doe, Jane",jane@example.org,ACME,CEO,moderator\n';
    expect(readParticipantList(text).rows).toEqual([
      { line: 2, name: 'Doe, Jane', email: 'jane@example.org', organisation: 'ACME', function: 'CEO', role: 'moderator', language: 'de' },
    ]);
  });

  it('names every bad row with its line and field', () => {
    const text = 'Name;E-Mail;Rolle\n;a@example.org;\nBob;not-an-address;\nCarla;a@example.org;Chef\nDora;dora@example.org;\n';
    expect(readParticipantList(text)).toEqual({
      rows: [{ line: 5, name: 'Dora', email: 'dora@example.org', organisation: null, function: null, role: 'attendee', language: 'de' }],
      errors: [
        { line: 2, field: 'name', message: 'Name must be 1 to 80 visible characters' },
        { line: 3, field: 'email', message: '"not-an-address" is not an e-mail address' },
        { line: 4, field: 'email', message: 'The same address is already in line 2' },
        { line: 4, field: 'role', message: 'Unknown role "Chef" (attendee, speaker, moderator, interpreter, organiser)' },
      ],
    });
  });

  it('refuses a file without the name or e-mail column', () => {
    expect(readParticipantList('Vorname;Mail-Adresse\nA;b@c.de\n').errors).toEqual([
      { line: 1, field: 'name', message: 'Column "Name" is missing' },
      { line: 1, field: 'email', message: 'Column "E-Mail" is missing' },
    ]);
    expect(readParticipantList('').errors).toEqual([{ line: 1, field: 'file', message: 'The file is empty' }]);
  });
});
