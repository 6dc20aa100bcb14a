import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { IntegerProperty } from '../http/api-properties';
export class FieldProblemResponse {
  @ApiProperty({ description: 'The field, as the request named it', example: 'startsAt' }) field: string;
  @ApiProperty({ description: 'What is wrong with it, in the request’s language', example: 'Date ISO 8601 attendue.' }) message: string;
}

/** An RFC 9457 problem document, as every error is answered (`application/problem+json`). */
@ApiSchema({ name: 'Problem' })
export class ProblemResponse {
  @ApiProperty({ example: '/problems/room-double-booked' }) type: string;
  @ApiProperty({ description: 'In the request’s language (Accept-Language; French by default)', example: 'Salle déjà occupée' }) title: string;
  @IntegerProperty({ example: 409 }) status: number;
  @ApiProperty({ description: 'Stable: clients branch on it', example: 'ROOM_DOUBLE_BOOKED' }) code: string;
  @ApiPropertyOptional() detail?: string;
  @ApiPropertyOptional({ description: 'The path that was asked for', example: '/api/v1/events/forum/program/sessions' }) instance?: string;
  @ApiPropertyOptional({ description: 'To quote when reporting a problem' }) requestId?: string;
  @ApiPropertyOptional({ type: [FieldProblemResponse] }) errors?: FieldProblemResponse[];
}

/** The statuses a route may answer with a problem document, and what each one means here. */
const PROBLEMS = {
  400: 'The request has errors (VALIDATION_FAILED, MALFORMED_BODY); `errors` names the fields',
  401: 'Sign-in required (UNAUTHENTICATED)',
  403: 'The caller’s role does not allow this (FORBIDDEN)',
  404: 'Nothing at this address, or outside the caller’s organizations (NOT_FOUND, EVENT_NOT_FOUND, …)',
  409: 'A rule of the domain refuses the change as things stand (ROOM_DOUBLE_BOOKED, SPEAKER_DOUBLE_BOOKED, …)',
  410: 'No longer valid (SMS_CODE_EXPIRED, …)',
  413: 'The request is too large (PAYLOAD_TOO_LARGE)',
  415: 'Unsupported content type (UNSUPPORTED_MEDIA_TYPE)',
  422: 'Understood but refused (IDEMPOTENCY_KEY_REUSED, …)',
  429: 'Too many requests (RATE_LIMITED); Retry-After says when to try again',
} as const;

export type ProblemStatus = keyof typeof PROBLEMS;

/** Documents the problem documents a route may answer: `@ApiProblems(400, 404, 409)`. */
export function ApiProblems(...statuses: ProblemStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ProblemResponse),
    ...statuses.map((status) =>
      ApiResponse({ status, description: PROBLEMS[status], content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemResponse) } } } }),
    ),
  );
}
