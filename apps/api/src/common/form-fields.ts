import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/** A page form's fields as the browser posted them (every value a string; a repeated name, an array). */
export type PostedFields = Record<string, unknown>;

/**
 * The fields of a request's form. A POST with no body (or a JSON array, or a bare string) is an
 * empty form: the form's own checks then name the missing fields, where `@Body()` handed the
 * controller `undefined` and a 500.
 */
export function postedFields(req: { body?: unknown }): PostedFields {
  const body = req.body;
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as PostedFields) : {};
}

/** A page form's fields (`postedFields`); organizer pages get them with their context (`@EventForm()`, `@OrganizationForm()`). */
export const FormFields = createParamDecorator((_: unknown, ctx: ExecutionContext): PostedFields => postedFields(ctx.switchToHttp().getRequest()));
