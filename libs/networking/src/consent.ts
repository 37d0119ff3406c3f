import { DomainError, type ContactRequestStatus } from '@podium/contracts';

export interface StoredRequest {
  fromPerson: string;
  toPerson: string;
  status: ContactRequestStatus;
}

/** Who may ask whom: both in the directory (opted in), not oneself. */
export function checkRequest(from: string, to: string, inDirectory: (personId: string) => boolean): DomainError | null {
  if (!inDirectory(from)) return new DomainError('FORBIDDEN', 'Opt in to the directory first: only people who show themselves may ask others');
  if (from === to) return new DomainError('VALIDATION', 'You cannot send a contact request to yourself', { field: 'to' });
  if (!inDirectory(to)) return new DomainError('NOT_FOUND', 'No such person in the directory', { personId: to });
  return null;
}

/** Only the person asked answers, once. */
export function checkAnswer(request: StoredRequest, personId: string): DomainError | null {
  if (request.toPerson !== personId) return new DomainError('FORBIDDEN', 'Only the person asked answers a contact request');
  if (request.status !== 'pending') return new DomainError('CONFLICT', 'This request has been answered already');
  return null;
}

/** Contact details cross only with both sides' consent: the sender asked, the other accepted. */
export function contactVisible(request: StoredRequest): boolean {
  return request.status === 'accepted';
}

/** A call of a contact request: only its two people, and only once the person asked accepted. */
export function checkCall(request: StoredRequest, personId: string): DomainError | null {
  if (request.fromPerson !== personId && request.toPerson !== personId) return new DomainError('FORBIDDEN', 'This call is only for the two people of the contact request');
  if (request.status !== 'accepted') return new DomainError('CONFLICT', 'The call starts once the other side accepts', { networking: 'not-accepted' });
  return null;
}

/** Contact details in a speed-networking group cross between two people only when both shared them. */
export function sharedBetween(shared: ReadonlySet<string>, me: string, other: string): boolean {
  return shared.has(me) && shared.has(other);
}
