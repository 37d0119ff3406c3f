export * from './protocol';
export * from './transcript';
export * from './caption-input';
