import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { applyDecorators } from '@nestjs/common';

/** A 200 whose body is a document in its own format (iCalendar, XML): described by its media type, not by a JSON schema. */
export function ApiOkDocument(mediaType: string, description: string): MethodDecorator {
  return applyDecorators(ApiProduces(mediaType), ApiOkResponse({ description, content: { [mediaType]: { schema: { type: 'string' } } } }));
}
