import { CHAT_LIMITS, type ChatToken } from '@podium/contracts';

// Control characters except tab and newline; bidi overrides, which can disguise a link's text.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;
const URL_LIKE = /https?:\/\/[^\s<>"'`]+/gi;
// Punctuation that ends a sentence rather than a URL.
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** The stored text: unsafe characters removed, lines trimmed at the ends, at most three newlines in a row. */
export function normaliseText(raw: string): string {
  return raw.replace(/\r\n?/g, '\n').replace(UNSAFE, '').replace(/\n{4,}/g, '\n\n\n').trim();
}

/** Null when the text fits (1 to CHAT_LIMITS.textMaxLength characters after normalising), else why not. */
export function textProblem(text: string): string | null {
  if (text.length === 0) return 'A message needs some text';
  if ([...text].length > CHAT_LIMITS.textMaxLength) return `A message has at most ${CHAT_LIMITS.textMaxLength} characters`;
  return null;
}

/**
 * Plain text as tokens: http(s) URLs become link tokens (the client renders them as links with
 * rel="noopener noreferrer nofollow ugc" and shows the host); everything else, markup included, is text.
 */
export function tokenize(text: string): ChatToken[] {
  const tokens: ChatToken[] = [];
  const pushText = (t: string) => {
    if (!t) return;
    const last = tokens[tokens.length - 1];
    if (last?.kind === 'text') last.text += t;
    else tokens.push({ kind: 'text', text: t });
  };
  let index = 0;
  for (const match of text.matchAll(URL_LIKE)) {
    const start = match.index ?? 0;
    const candidate = match[0].replace(TRAILING, '');
    pushText(text.slice(index, start));
    const url = parseHttpUrl(candidate);
    if (url) tokens.push({ kind: 'link', text: candidate, href: url.href, host: url.host });
    else pushText(candidate);
    index = start + candidate.length;
  }
  pushText(text.slice(index));
  return tokens;
}

function parseHttpUrl(candidate: string): URL | null {
  try {
    const url = new URL(candidate);
    // Credentials in a link hide its real host from the reader.
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || !url.host) return null;
    return url;
  } catch {
    return null;
  }
}
