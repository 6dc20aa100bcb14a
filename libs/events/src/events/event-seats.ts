import { Injectable } from '@nestjs/common';

/** Counts the seats an event's registrations hold (implemented by the registration context). */
export interface SeatsTakenSource {
  seatsTaken(eventId: string): Promise<number>;
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

  /** The seats the event's registrations hold, or null when no registration source counts them. */
  async taken(eventId: string): Promise<number | null> {
    return this.source ? this.source.seatsTaken(eventId) : null;
  }
}
