import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventView } from './events.service';

/** Counts the seats an event's registrations hold (implemented by the registration context). */
export interface SeatsTakenSource {
  seatsTaken(eventId: string): Promise<number>;
  /**
   * The event's capacity was changed in this transaction (its row is saved, not committed):
   * seats a raise frees go to the waiting list in the same transaction. Use only `manager`.
   */
  capacityChanged(manager: EntityManager, event: EventView): Promise<void>;
}

/**
 * Where the registration context plugs its seat count in (`eventSeats.use(source)` from its
 * module's onModuleInit), so events never read registration tables and the two modules do
 * not import each other. Until one is plugged in, nobody counts seats: the count is unknown
 * (null), never 0, so no page shows invented « places restantes ».
 */
@Injectable()
export class EventSeats {
  private source?: SeatsTakenSource;

  use(source: SeatsTakenSource): void {
    this.source = source;
  }

  async capacityChanged(manager: EntityManager, event: EventView): Promise<void> {
    await this.source?.capacityChanged(manager, event);
  }

  /** The seats the event's registrations hold, or null when no registration source counts them. */
  async taken(eventId: string): Promise<number | null> {
    return this.source ? this.source.seatsTaken(eventId) : null;
  }
}
