import type { ChatClientEventName } from '@podium/contracts';

/** Every /chat client event, written out by hand (the record type makes a missing one a compile error). */
const EVENTS: Record<ChatClientEventName, true> = {
  'chat:join': true,
  'chat:part': true,
  'chat:history': true,
  'chat:post': true,
  'chat:delete': true,
  'chat:mute': true,
  'chat:unmute': true,
  'chat:slow-mode': true,
  'chat:report': true,
};
export const CHAT_CLIENT_EVENTS_FOR_TESTS = Object.keys(EVENTS) as ChatClientEventName[];
