export * from './roles';
export * from './permissions';
export * from './invitation-token';
export * from './names';
export * from './tenancy';
export * from './next-path';
export * from './participant-csv';
export * from './mail-templates';
