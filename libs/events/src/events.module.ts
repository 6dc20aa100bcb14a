import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Event } from './events/event.entity';
import { EventSeats } from './events/event-seats';
import { EventsRepository } from './events/events.repository';
import { EventsService } from './events/events.service';
import { Room } from './rooms/room.entity';
import { RoomsRepository } from './rooms/rooms.repository';
import { RoomsService } from './rooms/rooms.service';
import { Track } from './rooms/track.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Event, Room, Track])],
  providers: [EventsRepository, EventsService, RoomsRepository, RoomsService, EventSeats],
  exports: [EventsService, RoomsService, EventSeats],
})
export class EventsModule {}
