import { applyDecorators, HttpCode, Type } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiResponseOptions } from '@nestjs/swagger';
import { ApiProblems, Authenticated, type Permission, type ProblemStatus } from '@palabre/platform';

/** A success's body: its response class (`RoomResponse`, `PageOf(RoomResponse)`), or swagger's options when it needs more words. */
type Answer = Type<unknown> | ApiResponseOptions;

export interface ApiRouteOptions {
  summary: string;
  /** Who may call: a permission (checked on the route's organization), `'signed-in'` for any signed-in account; none for a public route. */
  permission?: Permission | 'signed-in';
  ok?: Answer;
  created?: Answer;
  accepted?: Answer;
  /** A 204, and what it means. */
  noContent?: string;
  /**
   * The problem statuses the route may answer (api.md, "Problems") besides those its permission
   * implies: 401 for a signed-in route; 401, 403 and 404 (an organization or event one may not see) for a permission.
   */
  problems?: ProblemStatus[];
}

const SUCCESSES = [
  ['ok', 200, ApiOkResponse],
  ['created', 201, ApiCreatedResponse],
  ['accepted', 202, ApiAcceptedResponse],
] as const;

function implied(permission: ApiRouteOptions['permission']): ProblemStatus[] {
  if (!permission) return [];
  return permission === 'signed-in' ? [401] : [401, 403, 404];
}

const options = (answer: Answer): ApiResponseOptions => (typeof answer === 'function' ? { type: answer } : answer);

/**
 * One JSON route's contract in one place: who may call it, what it answers and with which
 * status, the problems it may answer and its summary in the OpenAPI document. A route with a
 * single success answers with that success's status (`HttpCode`).
 */
export function ApiRoute(route: ApiRouteOptions): MethodDecorator {
  const decorators: MethodDecorator[] = [];
  if (route.permission) decorators.push(Authenticated(route.permission === 'signed-in' ? undefined : route.permission));
  const statuses: number[] = [];
  for (const [key, status, document] of SUCCESSES) {
    const answer = route[key];
    if (answer === undefined) continue;
    decorators.push(document(options(answer)));
    statuses.push(status);
  }
  if (route.noContent !== undefined) {
    decorators.push(ApiNoContentResponse({ description: route.noContent }));
    statuses.push(204);
  }
  if (statuses.length === 1) decorators.push(HttpCode(statuses[0]));
  decorators.push(ApiProblems(...implied(route.permission), ...(route.problems ?? [])), ApiOperation({ summary: route.summary }));
  return applyDecorators(...decorators);
}
