/** Error codes every transport understands; the HTTP filter and the socket ack map them. */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STALE_VERSION'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'PAYLOAD_TOO_LARGE'
  | 'INTERNAL';

export interface ErrorBody {
  code: ErrorCode | string;
  message: string;
  /** Optional machine-readable details (the field, the conflicting session, ...). */
  details?: Record<string, unknown>;
}

/** `exception`: the answer to an event sent without an ack callback that was refused or failed. */
export interface SocketException {
  /** The event that was refused. */
  event: string;
  error: ErrorBody;
}

/** Every namespace's server may emit `exception`; each ServerToClient map extends this. */
export interface ExceptionEvents {
  exception: (body: SocketException) => void;
}

/** Thrown by domain code; carries a code, never an HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode | string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}
