import type { DeliveryProgress, ImportPreview, ParticipantDelivery } from '@podium/contracts';
import { enc, get, post } from './http';

const conf = (slug: string) => `/api/conferences/${enc(slug)}`;

export type { DeliveryProgress, ImportPreview, ParticipantDelivery };
export const previewParticipants = (slug: string, csv: string) => post<ImportPreview>(`${conf(slug)}/participants/preview`, { csv });
export const importParticipants = (slug: string, csv: string) => post<{ imported: number }>(`${conf(slug)}/participants/import`, { csv });
export const participants = (slug: string, signal?: AbortSignal) => get<ParticipantDelivery[]>(`${conf(slug)}/participants`, signal);
export const deliveryProgress = (slug: string, signal?: AbortSignal) => get<DeliveryProgress>(`${conf(slug)}/mails/progress`, signal);
export const sendInvitations = (slug: string) => post<{ queued: number }>(`${conf(slug)}/mails/send`, { kind: 'invitation' });
export const resendInvitation = (slug: string, personId: string) => post<{ queued: number }>(`${conf(slug)}/participants/${enc(personId)}/resend`);
export const withdrawInvitation = (slug: string, personId: string) => post<void>(`${conf(slug)}/participants/${enc(personId)}/withdraw`);
