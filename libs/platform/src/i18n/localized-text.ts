import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Localized } from './locale';

/** `{ "fr": "…", "en": "…" }` in an answer: French always, English when it was given. */
export class LocalizedText implements Localized {
  @ApiProperty({ example: 'Panel de haut niveau' })
  fr: string;

  @ApiPropertyOptional({ example: 'High-level panel' })
  en?: string;
}
