export type { ChatActor, ChatCommand, ChatEvent, ChatRoomState, MessageRef } from './types';
export { decide, evolve, initialRoom, mutedUntil } from './room';
export { normaliseText, textProblem, tokenize } from './text';
export { boothRoom, isUuid, lobbyRoom, parseRoomId, sessionRoom, type ChatRoomKind } from './rooms';
export { validateChatPayload } from './validate';
export { historyWindow, selectWindow } from './history';
