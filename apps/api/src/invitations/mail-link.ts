import { createHmac } from 'node:crypto';

/** Stands for the sign-in token in a mail's stored text: the token (a credential) is never stored. */
export const LINK_MARK = '\u{E000}link\u{E000}';

/**
 * A mail's sign-in token (43 characters, like a random one), derived from the server secret and the outbox row's
 * nonce: a mail in doubt can be built again byte for byte, with the same working link, while the database holds only
 * the link's hash and the nonce.
 */
export function mailLinkToken(secret: string, nonce: string): string {
  const key = createHmac('sha256', secret).update('podium mail sign-in link v1').digest();
  return createHmac('sha256', key).update(nonce).digest('base64url');
}
