import type { Type } from '@nestjs/common';
import { OmitType, PartialType } from '@nestjs/swagger';
import { getMetadataStorage, IsOptional } from 'class-validator';

/**
 * A resource's create and update bodies both come from one class of its fields, where each
 * field has its rules and a nullable field (`T | null`, which `null` clears) `@IsOptional()`.
 */

/**
 * The create body: the `required` fields must be given; any other may be left out (or be null)
 * and takes its default. It extends `fields`, so field errors come in the fields' order.
 */
export function CreateDto<T, K extends keyof T>(fields: Type<T>, required: readonly K[]): Type<Pick<T, K> & Partial<T>> {
  class Create extends (fields as Type<object>) {}
  const names = new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(fields, '', false, false)
      .map((m) => m.propertyName),
  );
  for (const name of names) if (!(required as readonly PropertyKey[]).includes(name)) IsOptional()(Create.prototype, name);
  return Create as Type<Pick<T, K> & Partial<T>>;
}

/**
 * The update (PATCH) body: every field but the `fixed` ones, each of which may be left out
 * (unchanged); `null` passes only where the field is nullable.
 */
export function UpdateDto<T, K extends keyof T = never>(fields: Type<T>, fixed: readonly K[] = []): Type<Partial<Omit<T, K>>> {
  return PartialType(OmitType(fields, fixed), { skipNullProperties: false });
}
