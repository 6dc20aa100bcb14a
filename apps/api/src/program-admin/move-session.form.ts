import { IsString, Matches } from 'class-validator';

/** Where the program editor's drag and drop puts a session: a room (`''`: none), a local date and time. */
export class MoveSessionForm {
  @IsString()
  @Matches(/^$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i)
  roomId: string;

  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  date: string;

  @IsString()
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/)
  time: string;
}
