import { createParamDecorator, ExecutionContext } from '@nestjs/common';

/**
 * The notice a page shows after its redirect-after-post (`?done=saved`): one of the page's
 * `notices`, none for any other value (a stale or made-up link shows no message).
 */
export const Notice = createParamDecorator((notices: readonly string[], ctx: ExecutionContext): string | undefined => {
  const done = ctx.switchToHttp().getRequest<{ query?: Record<string, unknown> }>().query?.done;
  return notices.find((n) => n === done);
});
