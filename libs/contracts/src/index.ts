export * from './errors';
export * from './fishbowl';
