import { Param, PipeTransform } from '@nestjs/common';
import { PlatformError } from '@palabre/platform';
import { FIRST_YEAR, LAST_YEAR } from '@palabre/partners';

/** A reporting year in the path: four digits between the first and last years a form accepts, else 400 naming it. */
class ReportingYear implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= FIRST_YEAR && year <= LAST_YEAR)) {
      throw new PlatformError('VALIDATION_FAILED', {}, [
        { field: 'year', message: { fr: `Une année de ${FIRST_YEAR} à ${LAST_YEAR}.`, en: `A year from ${FIRST_YEAR} to ${LAST_YEAR}.` } },
      ]);
    }
    return year;
  }
}

export const YearParam = (name = 'year') => Param(name, new ReportingYear());
