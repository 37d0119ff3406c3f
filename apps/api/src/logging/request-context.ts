import { AsyncLocalStorage } from 'node:async_hooks';

/** Carries the request id through async calls so every log line of a request names it. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}
