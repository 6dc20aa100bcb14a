export * from './events.module';
export { EventsService, toEventView } from './events/events.service';
export type { EventView } from './events/events.service';
export { CreateEventDto } from './events/event.dto';
export { EVENT_ERRORS, EventError } from './events/event.errors';
export type { EventErrorCode } from './events/event.errors';
export type { EventStatus, RegistrationQuestion } from './events/event.entity';
