import type { ConferenceRole } from '@podium/contracts';
import { enc, get, post } from './http';

export type { ConferenceRole };

export interface Me {
  person: { id: string; displayName: string; guest: boolean };
  roles: { conference: string | null; role: ConferenceRole }[];
}

export interface SignInResult {
  token: string;
  person: { id: string; displayName: string; guest?: boolean };
}

export const fetchMe = () => get<Me>('/api/auth/me');
export const redeem = (token: string) => post<SignInResult>('/api/auth/redeem', { token });
export const signInAsGuest = (slug: string, displayName: string) => post<SignInResult>(`/api/conferences/${enc(slug)}/guests`, { displayName });

export interface InvitationResult {
  link: string;
  personId?: string;
  [key: string]: unknown;
}
export const createInvitation = (slug: string, body: { displayName: string; role: ConferenceRole; email?: string }) =>
  post<InvitationResult>(`/api/conferences/${enc(slug)}/invitations`, body);
