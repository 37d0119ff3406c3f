import { MARKET_LIMITS, type BoothSetup, type NewBooth } from '@podium/contracts';

/** What the booth form edits, as text. */
export interface BoothFormValues {
  name: string;
  description: string;
  /** One link a line: `label | https://…`. */
  links: string;
  logoUrl: string;
  capacity: string;
  staff: string[];
}

export const EMPTY_BOOTH: BoothFormValues = { name: '', description: '', links: '', logoUrl: '', capacity: String(MARKET_LIMITS.defaultCapacity), staff: [] };

export const boothValues = (b: BoothSetup): BoothFormValues => ({
  name: b.name,
  description: b.description,
  links: b.links.map((l) => `${l.label} | ${l.url}`).join('\n'),
  logoUrl: b.logoUrl ?? '',
  capacity: String(b.capacity),
  staff: b.staff,
});

/** Which field is wrong (for the form's message) before anything is sent; the api checks the same again. */
export type BoothFormProblem = { field: 'name' | 'links' | 'logoUrl' | 'capacity'; line?: number };

const isWebUrl = (s: string) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(s) && s.length <= MARKET_LIMITS.urlMaxLength;

/** The form as the api's body, or the first problem. */
export function boothBody(v: BoothFormValues): NewBooth | BoothFormProblem {
  const name = v.name.trim();
  if (!name || name.length > MARKET_LIMITS.nameMaxLength) return { field: 'name' };
  const lines = v.links.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.length > MARKET_LIMITS.maxLinks) return { field: 'links', line: MARKET_LIMITS.maxLinks + 1 };
  const links = [];
  for (const [i, line] of lines.entries()) {
    const at = line.lastIndexOf('|');
    const label = at < 0 ? '' : line.slice(0, at).trim();
    const url = at < 0 ? '' : line.slice(at + 1).trim();
    if (!label || label.length > MARKET_LIMITS.linkLabelMaxLength || !isWebUrl(url)) return { field: 'links', line: i + 1 };
    links.push({ label, url });
  }
  const logoUrl = v.logoUrl.trim();
  if (logoUrl && !isWebUrl(logoUrl)) return { field: 'logoUrl' };
  const capacity = Number(v.capacity);
  if (!Number.isInteger(capacity) || capacity < MARKET_LIMITS.minCapacity || capacity > MARKET_LIMITS.maxCapacity) return { field: 'capacity' };
  return { name, description: v.description.trim(), links, logoUrl: logoUrl || null, capacity, staff: v.staff };
}
