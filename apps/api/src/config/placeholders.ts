/**
 * Secrets and passwords printed in docker/, docker/.env.example and the README. They are public, so
 * production refuses them (development keeps working with whatever a newcomer copies).
 */
const PLACEHOLDER_SECRETS = new Set([
  'change-me-to-a-secret-of-at-least-32-characters',
  'change-me-to-a-long-random-secret-of-48-characters',
  '<32+ characters>',
  'secret',
]);

const PLACEHOLDER_PASSWORDS = new Set(['podium', 'postgres', 'password', 'secret', 'changeme', 'change-me', 'redis']);

/** A documented placeholder, or anything shaped like one ("change-me…", "<…>"). */
export function isPlaceholderSecret(value: string): boolean {
  const v = value.trim();
  return PLACEHOLDER_SECRETS.has(v) || /^change-?me/i.test(v) || /^<.*>$/.test(v);
}

/** The password of a postgres:// or redis:// URL when it is one of the documented placeholders. */
export function placeholderPasswordIn(url: string): boolean {
  let password: string;
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return false; // malformed URLs are reported by the URL check itself
  }
  return password !== '' && (PLACEHOLDER_PASSWORDS.has(password.toLowerCase()) || isPlaceholderSecret(password));
}
