export * from './roles';
export * from './permissions';
export * from './attributes';
export * from './livekit-wire';
export * from './rooms';
export * from './token-policy';
export * from './drift';
