export * from './agenda';
export * from './identity';
export * from './livestream';
export * from './operations';
export * from './programme';
export * from './programme-writes';
export * from './accessibility';
export * from './import-report';
