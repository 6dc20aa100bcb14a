import { Injectable } from '@nestjs/common';

/** Counts the seats an event's registrations hold (implemented by the registration context). */
export interface SeatsTakenSource {
  seatsTaken(eventId: string): Promise<number>;
}

/**
 * Where the registration context plugs its seat count in (`eventSeats.use(source)` from its
 * module's onModuleInit), so events never read registration tables and the two modules do
 * not import each other. Until then no seat is taken.
 */
@Injectable()
export class EventSeats {
  private source?: SeatsTakenSource;

  use(source: SeatsTakenSource): void {
    this.source = source;
  }

  async taken(eventId: string): Promise<number> {
    return this.source ? this.source.seatsTaken(eventId) : 0;
  }
}
