import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@palabre/platform';

/** The caller when they proved who they are (the auth guard runs on every route), else undefined. */
export const MaybeActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | undefined => {
  return ctx.switchToHttp().getRequest<{ actor?: Actor }>().actor;
});
