export * from './transcript';
export * from './caption-input';
