export * from './errors';
export * from './fishbowl';
export * from './livestream';
export * from './programme';
export * from './captions';
