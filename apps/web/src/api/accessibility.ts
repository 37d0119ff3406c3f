import type { AccessibilityBody, AccessibilityStatement } from '@podium/contracts';
import { enc, get, put } from './http';

export type { AccessibilityBody, AccessibilityStatement };

export const getAccessibility = (slug: string, signal?: AbortSignal) => get<AccessibilityStatement>(`/api/conferences/${enc(slug)}/accessibility`, signal);

/** Replaces every field: one left empty is cleared. */
export const putAccessibility = (slug: string, body: AccessibilityBody) => put<AccessibilityStatement>(`/api/conferences/${enc(slug)}/accessibility`, body);
