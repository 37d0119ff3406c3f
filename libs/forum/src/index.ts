export { initialForum, participantOf, slotsTaken, hasFreeSlot, stalePlaces, groupOf, nextDeadline, FORUM_SYSTEM, type ForumCommand, type ForumParticipant, type ForumState } from './state';
export { decide } from './decide';
export { evolve, rightChangedBy } from './evolve';
export { toView } from './view';
export { forumPermission, forumRoomName, parseForumRoomName, type ForumMediaPermission, type ForumSource } from './media';
export { validateForumPayload, FORUM_EVENTS } from './validate';
export { FORUM_AGGREGATE } from './aggregate';
export { randomGroups, chosenGroups, breakoutMembers } from './breakouts';
export { buildForumRecord } from './record';
