import type { ConferenceRole, InvitationAnswer, InvitationRequest, Me, SignInResult } from '@podium/contracts';
import { enc, get, post } from './http';

export type { ConferenceRole, InvitationAnswer, InvitationRequest, Me, SignInResult };

export const fetchMe = () => get<Me>('/api/auth/me');
export const redeem = (token: string) => post<SignInResult>('/api/auth/redeem', { token });
export const signInAsGuest = (slug: string, displayName: string) => post<SignInResult>(`/api/conferences/${enc(slug)}/guests`, { displayName });

export const createInvitation = (slug: string, body: InvitationRequest) =>
  post<InvitationAnswer>(`/api/conferences/${enc(slug)}/invitations`, body);
