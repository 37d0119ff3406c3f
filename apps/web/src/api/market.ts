import type { BoothContact, BoothPlace, BoothSetup, BoothSetupView, BoothSummary, NewBooth } from '@podium/contracts';
import { del, enc, get, post, put } from './http';

export type { BoothContact, BoothPlace, BoothSetup, BoothSetupView, BoothSummary, NewBooth };

const base = (slug: string) => `/api/conferences/${enc(slug)}/booths`;

export const listBooths = (slug: string, signal?: AbortSignal) => get<BoothSummary[]>(base(slug), signal);
export const visitBooth = (slug: string, id: string) => post<BoothPlace>(`${base(slug)}/${enc(id)}/visit`);
export const staffBooth = (slug: string, id: string) => post<BoothPlace>(`${base(slug)}/${enc(id)}/staff`);
export const leaveBooth = (slug: string, id: string) => post<{ left: true }>(`${base(slug)}/${enc(id)}/leave`);
export const inviteNext = (slug: string, id: string) => post<{ personId: string }>(`${base(slug)}/${enc(id)}/invite-next`);
export const leaveContact = (slug: string, id: string, contact: string) => post<BoothContact>(`${base(slug)}/${enc(id)}/contact`, { contact });
export const boothContacts = (slug: string, id: string) => get<BoothContact[]>(`${base(slug)}/${enc(id)}/contacts`);
export const boothSetup = (slug: string, signal?: AbortSignal) => get<BoothSetupView>(`${base(slug)}/setup`, signal);
export const createBooth = (slug: string, body: NewBooth) => post<BoothSummary>(base(slug), body);
export const updateBooth = (slug: string, id: string, body: NewBooth) => put<BoothSummary>(`${base(slug)}/${enc(id)}`, body);
export const deleteBooth = (slug: string, id: string) => del<void>(`${base(slug)}/${enc(id)}`);
