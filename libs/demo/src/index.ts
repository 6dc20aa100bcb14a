export * from './demo.module';
export { DemoSeeder } from './demo-seeder';
export { DEMO_EVENT_SLUG, DEMO_ORGANIZATION } from './demo-forum';
