import type { ErrorCode, SocketException } from '@podium/contracts';
import type { MessageKey } from '../i18n/types';

/**
 * The polite sentence for an `exception` event (a live action sent without an answer callback was refused).
 * A Record over the closed ErrorCode union: a new code without a text is a compile error.
 */
const EXCEPTION_TEXTS: Record<ErrorCode, MessageKey> = {
  VALIDATION: 'exception.VALIDATION',
  UNAUTHENTICATED: 'exception.UNAUTHENTICATED',
  FORBIDDEN: 'exception.FORBIDDEN',
  NOT_FOUND: 'exception.NOT_FOUND',
  CONFLICT: 'exception.CONFLICT',
  STALE_VERSION: 'exception.STALE_VERSION',
  RATE_LIMITED: 'exception.RATE_LIMITED',
  UNAVAILABLE: 'exception.UNAVAILABLE',
  PAYLOAD_TOO_LARGE: 'exception.PAYLOAD_TOO_LARGE',
  INTERNAL: 'exception.INTERNAL',
};

/** The text key for an exception; a code this client does not know (a newer server) reads as INTERNAL. */
export function exceptionTextKey(exception: SocketException): MessageKey {
  return EXCEPTION_TEXTS[exception.error?.code] ?? EXCEPTION_TEXTS.INTERNAL;
}

/** How long an exception's text stays on screen: it is about one action, not a state. */
export const EXCEPTION_SHOWN_MS = 15_000;
