export type { ChatActor, ChatCommand, ChatEvent, ChatRoomState, MessageRef } from './types';
export { decide, evolve, initialRoom, mutedUntil } from './room';
export { normaliseText, textProblem, tokenize } from './text';
export { isUuid, lobbyRoom, parseRoomId, sessionRoom } from './rooms';
export { validateChatPayload } from './validate';
export { historyWindow, selectWindow } from './history';
