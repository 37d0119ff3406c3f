import { boothBody, boothValues, EMPTY_BOOTH } from './booth-form';

const form = { ...EMPTY_BOOTH, name: ' Integrationslotsen Ulm ', description: 'Ehrenamtliche ', links: 'Website | https://example.org/lotsen\n\n Flyer (PDF) | https://example.org/flyer.pdf ', capacity: '4', staff: ['p1'] };

describe('the booth form as the api body', () => {
  it('trims, reads one link a line, and turns an empty logo into null', () => {
    expect(boothBody(form)).toEqual({
      name: 'Integrationslotsen Ulm',
      description: 'Ehrenamtliche',
      links: [
        { label: 'Website', url: 'https://example.org/lotsen' },
        { label: 'Flyer (PDF)', url: 'https://example.org/flyer.pdf' },
      ],
      logoUrl: null,
      capacity: 4,
      staff: ['p1'],
    });
  });

  it.each([
    [{ name: '   ' }, { field: 'name' }],
    [{ links: 'Website https://example.org' }, { field: 'links', line: 1 }],
    [{ links: 'Website | https://example.org\n | https://example.org/b' }, { field: 'links', line: 2 }],
    [{ links: 'Website | javascript:alert(1)' }, { field: 'links', line: 1 }],
    [{ logoUrl: 'logo.png' }, { field: 'logoUrl' }],
    [{ capacity: '1' }, { field: 'capacity' }],
    [{ capacity: '51' }, { field: 'capacity' }],
    [{ capacity: '2.5' }, { field: 'capacity' }],
  ])('%j is refused: %j', (change, problem) => {
    expect(boothBody({ ...form, ...change })).toEqual(problem);
  });

  it('reads a stored booth back into the same form', () => {
    const stored = { id: 'b1', name: 'Sprachcafé', description: '', links: [{ label: 'Website', url: 'https://example.org/cafe' }], logoUrl: 'https://example.org/logo.png', capacity: 6, staff: ['p2'] };
    expect(boothValues(stored)).toEqual({ name: 'Sprachcafé', description: '', links: 'Website | https://example.org/cafe', logoUrl: 'https://example.org/logo.png', capacity: '6', staff: ['p2'] });
    expect(boothBody(boothValues(stored))).toEqual({ name: 'Sprachcafé', description: '', links: stored.links, logoUrl: stored.logoUrl, capacity: 6, staff: ['p2'] });
  });
});
