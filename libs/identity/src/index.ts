export * from './roles';
export * from './permissions';
export * from './invitation-token';
