// The pieces of the OpenAPI description that several routes share: the admin API's bearer token
// and rate limit, the error body, and the two time axes of the stance queries.
import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiParam,
  ApiQuery,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { schemaRef } from './api-schemas.js';

/** The name of the admin token's security scheme in the document. */
export const ADMIN_AUTH = 'admin-token';

/** Nest's error body: every 4xx and 5xx JSON answer (the shared Error component). */
export const ERROR_BODY = schemaRef('Error');

/** A route behind ADMIN_TOKEN and the admin rate limit. */
export function ApiAdmin() {
  return applyDecorators(
    ApiBearerAuth(ADMIN_AUTH),
    ApiUnauthorizedResponse({ description: 'no bearer token, a wrong one, or ADMIN_TOKEN unset (the admin API is closed)', schema: ERROR_BODY }),
    ApiTooManyRequestsResponse({
      description: 'more admin requests from this address than ADMIN_RATE_LIMIT allows (wrong tokens count too)',
      headers: { 'Retry-After': { description: 'seconds until the next request is admitted', schema: { type: 'integer', minimum: 1 } } },
      schema: ERROR_BODY,
    }),
  );
}

export function ApiBadRequest(description: string) {
  return ApiBadRequestResponse({ description, schema: ERROR_BODY });
}

export function ApiNotFound(description: string) {
  return ApiNotFoundResponse({ description, schema: ERROR_BODY });
}

export function ApiWatchParam() {
  return ApiParam({ name: 'watch', description: 'a watch id (GET /api/watches lists them)', example: 'dprk-troops-russia' });
}

export function ApiActorParam() {
  return ApiParam({ name: 'actor', description: 'an actor id of the watch', example: 'russia' });
}

/**
 * `as_of` (valid time) and `known_at` / `known_at_position` (transaction time), as
 * src/stance/domain/time-query.ts reads them.
 */
export function ApiTimeQuery({ asOf }: { asOf: boolean }) {
  return applyDecorators(
    ...(asOf
      ? [
          ApiQuery({
            name: 'as_of',
            required: false,
            description: "valid time: the actors' positions on this day (YYYY-MM-DD; a date-time names its UTC day)",
            schema: { type: 'string', format: 'date', example: '2024-10-25' },
          }),
        ]
      : []),
    ApiQuery({
      name: 'known_at',
      required: false,
      description: 'transaction time: the answer as this service gave it at that instant (ISO 8601 with a zone; a bare date is the end of that day). Not with known_at_position.',
      schema: { type: 'string', example: '2025-01-01T00:00:00Z' },
    }),
    ApiQuery({
      name: 'known_at_position',
      required: false,
      description: 'transaction time: the answer as it stood when the log ended at this position. Not with known_at.',
      schema: { type: 'integer', minimum: 0, example: 40 },
    }),
    ApiBadRequest('a malformed as_of, known_at or known_at_position, a parameter given twice, or both known_at and known_at_position'),
  );
}
