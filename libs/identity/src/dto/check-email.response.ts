import { ApiProperty } from '@nestjs/swagger';

/** The answer that reveals nothing: whether or not the address is known, "look in your inbox". */
export class CheckEmailResponse {
  @ApiProperty({ enum: ['check_email'] }) status: 'check_email';
}
