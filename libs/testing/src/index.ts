export * from './test-database';
export * from './smtp-test-server';
export * from './browser';
