export * from './test-database';
export * from './smtp-test-server';
export * from './browser';
export * from './test-clock';
export * from './locking';
export * from './event-factory';
export * from './images';
export * from './sms-test-gateway';
