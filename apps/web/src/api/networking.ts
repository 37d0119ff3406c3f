import type { CallGrant, ContactRequestView, DirectoryEntry, DirectoryEntryInput } from '@podium/contracts';
import { del, enc, get, post, put } from './http';

export type { CallGrant, ContactRequestView, DirectoryEntry };

const base = (slug: string) => `/api/conferences/${enc(slug)}`;

export const directory = (slug: string) => get<DirectoryEntry[]>(`${base(slug)}/directory`);
export const optIn = (slug: string, entry: DirectoryEntryInput) => put<{ listed: true }>(`${base(slug)}/directory/me`, entry);
export const optOut = (slug: string) => del<{ listed: false }>(`${base(slug)}/directory/me`);
export const myRequests = (slug: string) => get<ContactRequestView[]>(`${base(slug)}/contact-requests`);
export const askContact = (slug: string, to: string) => post<{ id: string }>(`${base(slug)}/contact-requests`, { to });
export const answerContact = (slug: string, id: string, accept: boolean) => post<{ id: string }>(`${base(slug)}/contact-requests/${enc(id)}/answer`, { accept });
export const contactCall = (slug: string, id: string) => post<CallGrant>(`${base(slug)}/contact-requests/${enc(id)}/call`, {});
