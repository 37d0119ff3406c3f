import type { ErrorBody } from '@podium/contracts';
import { readSession } from '../auth/session-store';

/** An error answer of the api (`{ error: { code, message, details? } }`), or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  body?: unknown;
  /** Send `body`, a text, as it is with this content type (a schedule.xml) instead of as JSON. */
  contentType?: string;
  signal?: AbortSignal;
  /** Send the session token (default: when there is one). */
  auth?: boolean;
}

/** JSON in, JSON out, with the session's bearer token. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const session = options.auth === false ? null : readSession();
  if (session) headers.authorization = `Bearer ${session.token}`;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? undefined : options.contentType ? String(options.body) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'NETWORK', (error as Error).message);
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: ErrorBody } | null)?.error;
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.details);
  }
  return data as T;
}

export const get = <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, { signal });
export const post = <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} });
export const put = <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} });
export const patch = <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} });
export const del = <T>(path: string) => request<T>('DELETE', path);

export const enc = encodeURIComponent;
