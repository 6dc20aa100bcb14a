import { ApiProperty } from '@nestjs/swagger';
import { IntegerProperty, LocalizedText, LocalizedTextProperty, UuidProperty } from '@palabre/platform';
import type { RoomView, TrackView } from './rooms.service';

export class RoomResponse {
  @UuidProperty() id: string;
  @ApiProperty({ example: 'Salle Djoliba' }) name: string;
  @IntegerProperty({ nullable: true, description: 'Seats in the room; null when unknown' }) capacity: number | null;
  @IntegerProperty({ description: 'Order of the rooms in the timetable' }) position: number;
}

export class TrackResponse {
  @UuidProperty() id: string;
  @LocalizedTextProperty() name: LocalizedText;
  @ApiProperty({ example: '#1d4ed8' }) colour: string;
  @IntegerProperty() position: number;
}

export function toRoomResponse(r: RoomView): RoomResponse {
  return { id: r.id, name: r.name, capacity: r.capacity, position: r.position };
}

export function toTrackResponse(t: TrackView): TrackResponse {
  return { id: t.id, name: t.name, colour: t.colour, position: t.position };
}
