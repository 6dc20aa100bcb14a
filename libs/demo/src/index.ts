export * from './demo.module';
export { DemoSeeder } from './demo-seeder';
export { DEMO_EVENT_SLUG, DEMO_ORGANIZATION, DEMO_ORGANIZER_EMAIL } from './demo-forum';
