import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/**
 * A page form's fields as the browser posted them. A POST with no body (or a JSON array, or a
 * bare string) is an empty form: the form's own checks then name the missing fields, where
 * `@Body()` handed the controller `undefined` and a 500.
 */
export const FormFields = createParamDecorator((_: unknown, ctx: ExecutionContext): Record<string, unknown> => {
  const body = ctx.switchToHttp().getRequest<{ body?: unknown }>().body;
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
});
