export type { Aggregate, LiveEvent, Versioned } from './aggregate';
export { foldWith } from './aggregate';
export type { EventLogPort, LogTransaction } from './event-log';
export { LiveStore, type Committed, type CommandResult, type LiveStoreOptions, type StoreLogger } from './live-store';
export { Coalescer, type CoalescerOptions } from './coalescer';
export { Deadlines, type DeadlinesOptions } from './deadlines';
export { MemoryEventLog } from './memory-log';
