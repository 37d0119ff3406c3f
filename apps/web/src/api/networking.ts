import type { CallGrant, ContactRequestView, DirectoryEntry, DirectoryEntryInput, NewSpeedNetworking, SpeedGroupView, SpeedNetworkingView } from '@podium/contracts';
import { del, enc, get, post, put } from './http';

export type { CallGrant, ContactRequestView, DirectoryEntry, SpeedGroupView, SpeedNetworkingView };

const base = (slug: string) => `/api/conferences/${enc(slug)}`;

export const directory = (slug: string) => get<DirectoryEntry[]>(`${base(slug)}/directory`);
export const optIn = (slug: string, entry: DirectoryEntryInput) => put<{ listed: true }>(`${base(slug)}/directory/me`, entry);
export const optOut = (slug: string) => del<{ listed: false }>(`${base(slug)}/directory/me`);
export const myRequests = (slug: string) => get<ContactRequestView[]>(`${base(slug)}/contact-requests`);
export const askContact = (slug: string, to: string) => post<{ id: string }>(`${base(slug)}/contact-requests`, { to });
export const answerContact = (slug: string, id: string, accept: boolean) => post<{ id: string }>(`${base(slug)}/contact-requests/${enc(id)}/answer`, { accept });
export const contactCall = (slug: string, id: string) => post<CallGrant>(`${base(slug)}/contact-requests/${enc(id)}/call`, {});
export const speedRuns = (slug: string) => get<SpeedNetworkingView[]>(`${base(slug)}/speed-networking`);
export const speedTakePart = (slug: string, id: string, on: boolean) => post<SpeedNetworkingView>(`${base(slug)}/speed-networking/${enc(id)}/${on ? 'join' : 'leave'}`, {});
export const speedCall = (slug: string, id: string) => post<CallGrant>(`${base(slug)}/speed-networking/${enc(id)}/call`, {});
export const speedShare = (slug: string, id: string, groupId: string, share: boolean) => post<SpeedGroupView>(`${base(slug)}/speed-networking/${enc(id)}/groups/${enc(groupId)}/share`, { share });
export const speedSetUp = (slug: string, body: NewSpeedNetworking) => post<SpeedNetworkingView>(`${base(slug)}/speed-networking`, body);
export const speedStart = (slug: string, id: string) => post<SpeedNetworkingView>(`${base(slug)}/speed-networking/${enc(id)}/start`, {});
