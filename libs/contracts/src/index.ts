export * from './errors';
export * from './fishbowl';
export * from './livestream';
export * from './programme';
export * from './invitations';
export * from './http';
export * from './wire-names';
export * from './captions';
