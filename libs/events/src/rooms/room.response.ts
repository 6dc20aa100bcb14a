import { ApiProperty } from '@nestjs/swagger';
import { LocalizedText } from '@palabre/platform';
import type { RoomView, TrackView } from './rooms.service';

export class RoomResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Salle Djoliba' })
  name: string;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Seats in the room; null when unknown' })
  capacity: number | null;

  @ApiProperty({ type: 'integer', description: 'Order of the rooms in the timetable' })
  position: number;
}

export class TrackResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ type: LocalizedText })
  name: LocalizedText;

  @ApiProperty({ example: '#1d4ed8' })
  colour: string;

  @ApiProperty({ type: 'integer' })
  position: number;
}

export function toRoomResponse(r: RoomView): RoomResponse {
  return { id: r.id, name: r.name, capacity: r.capacity, position: r.position };
}

export function toTrackResponse(t: TrackView): TrackResponse {
  return { id: t.id, name: t.name, colour: t.colour, position: t.position };
}
