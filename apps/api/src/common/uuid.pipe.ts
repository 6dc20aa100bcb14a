import { Param, PipeTransform } from '@nestjs/common';
import { PlatformError } from '@palabre/platform';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id in the path that is not a UUID names nothing: 404, never a database error. */
class UuidOrNotFound implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new PlatformError('NOT_FOUND');
    return value.toLowerCase();
  }
}

export const UuidParam = (name: string) => Param(name, new UuidOrNotFound());
