import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags, type SchemaObject } from '@nestjs/swagger';
import type { Response } from 'express';
import { AdminTokenGuard } from '../admin/admin-token.guard.js';
import { schemaRef } from '../api-docs/api-schemas.js';
import { ApiActorParam, ApiAdmin, ApiBadRequest, ApiNotFound, ApiTimeQuery, ApiWatchParam } from '../api-docs/api-docs.decorators.js';
import { STANCES } from '../domain/vocabulary.js';
import { ClaimCorrections, UnknownClaimError, type CorrectionResult } from './claim-corrections.service.js';
import { ClaimInputError } from './domain/analyst-claim.js';
import { parseTimeQuery, TimeQueryError, type TimeQuery } from './domain/time-query.js';
import { StanceQueries, UnknownWatchError } from './stance-queries.service.js';

const DAY: SchemaObject = { type: 'string', format: 'date', example: '2025-04-26' };

/** What analystClaim (domain/analyst-claim.ts) accepts. */
const ANALYST_CLAIM_BODY: SchemaObject = {
  type: 'object',
  required: ['watch', 'actor', 'stance', 'saidOn', 'quote', 'url', 'analyst'],
  properties: {
    watch: { type: 'string', example: 'dprk-troops-russia' },
    actor: { type: 'string', description: "one of the watch's actors", example: 'russia' },
    stance: { type: 'string', enum: [...STANCES], example: 'confirm' },
    saidOn: {
      description: 'the day it was said, or an interval (no `from`: some time up to `to`)',
      oneOf: [DAY, { type: 'object', required: ['to'], properties: { from: DAY, to: DAY } }],
    },
    quote: { type: 'string', maxLength: 5000, example: 'The troops of the DPRK are fighting alongside ours.' },
    url: { type: 'string', format: 'uri', maxLength: 2000, description: 'http(s) address of the source', example: 'https://news.example.org/2025/04/26/statement' },
    analyst: { type: 'string', maxLength: 100, description: 'who enters the claim', example: 'ana' },
    speaker: { type: 'string', maxLength: 200, description: 'who said it, when not the actor itself', example: 'a foreign ministry spokesperson' },
  },
};

/** What rejectionOf (domain/analyst-claim.ts) accepts. */
const REJECTION_BODY: SchemaObject = {
  type: 'object',
  required: ['reason', 'analyst'],
  properties: {
    reason: { type: 'string', maxLength: 2000, description: 'why the claim is wrong', example: 'garbled attribution' },
    analyst: { type: 'string', maxLength: 100, description: 'who rejects it', example: 'ana' },
  },
};

const CORRECTION_RESULT = schemaRef('CorrectionResult');

@Controller()
export class StanceController {
  constructor(
    private readonly queries: StanceQueries,
    private readonly corrections: ClaimCorrections,
  ) {}

  @Get('api/watches')
  @ApiTags('stances')
  @ApiOperation({ summary: 'The watches: each contested proposition and its actors' })
  @ApiOkResponse({ description: 'the watches', schema: { type: 'object', required: ['watches'], properties: { watches: { type: 'array', items: schemaRef('Watch') } } } })
  watches() {
    return { watches: this.queries.listWatches() };
  }

  @Get('api/watches/:watch/stances')
  @ApiTags('stances')
  @ApiOperation({ summary: "Every actor's stance, with the claim behind it", description: 'Now, as of a valid day, or as this service knew it then.' })
  @ApiWatchParam()
  @ApiTimeQuery({ asOf: true })
  @ApiOkResponse({ description: 'the watch, the time asked (`asOf`, `knownAtPosition`) and one stance per actor', schema: schemaRef('StancesAnswer') })
  @ApiNotFound('no such watch')
  stances(@Param('watch') watch: string, @Query() query: Record<string, unknown>) {
    return answer(() => this.queries.stances(watch, timeQuery(query)));
  }

  @Get('api/watches/:watch/actors/:actor/history')
  @ApiTags('stances')
  @ApiOperation({ summary: "An actor's stance changes over valid time, each with its claim and the position from which it was known" })
  @ApiWatchParam()
  @ApiActorParam()
  @ApiTimeQuery({ asOf: true })
  @ApiOkResponse({ description: 'the changes in valid-time order, and the stance on `as_of` when given', schema: schemaRef('HistoryAnswer') })
  @ApiNotFound('no such watch')
  history(@Param('watch') watch: string, @Param('actor') actor: string, @Query() query: Record<string, unknown>) {
    return answer(() => this.queries.history(watch, actor, timeQuery(query)));
  }

  @Get('api/watches/:watch/actors/:actor/why')
  @ApiTags('stances')
  @ApiOperation({ summary: 'Why the actor holds its stance: the claims behind it, and those it overrode or that were dropped' })
  @ApiWatchParam()
  @ApiActorParam()
  @ApiTimeQuery({ asOf: false })
  @ApiOkResponse({ description: 'the stance and the chain of claims behind it (`as_of` is refused: see history)', schema: schemaRef('WhyAnswer') })
  @ApiNotFound('no such watch')
  why(@Param('watch') watch: string, @Param('actor') actor: string, @Query() query: Record<string, unknown>) {
    const time = timeQuery(query);
    if (time.asOf) throw new BadRequestException('why explains the stance now (or known_at); as_of is not supported here, see history?as_of=');
    return answer(() => this.queries.why(watch, actor, time));
  }

  @Post('api/admin/claims/:id/reject')
  @UseGuards(AdminTokenGuard)
  @HttpCode(201)
  @ApiTags('corrections')
  @ApiOperation({ summary: 'Reject a claim', description: 'Recorded as a ClaimRejected event: the claim drops out of the stance, its reason stays in the history.' })
  @ApiAdmin()
  @ApiParam({ name: 'id', description: 'the claim id', example: 'claim-0123456789abcdef0123' })
  @ApiBody({ schema: REJECTION_BODY })
  @ApiCreatedResponse({ description: 'the rejection was recorded', schema: CORRECTION_RESULT })
  @ApiOkResponse({ description: 'the claim had been rejected before: the first rejection', schema: CORRECTION_RESULT })
  @ApiBadRequest('a missing or malformed field, named in the message')
  @ApiNotFound('no such claim')
  reject(@Param('id') claimId: string, @Body() body: unknown, @Res({ passthrough: true }) res: Response) {
    return correction(res, () => this.corrections.reject(claimId, body));
  }

  @Post('api/admin/claims')
  @UseGuards(AdminTokenGuard)
  @HttpCode(201)
  @ApiTags('corrections')
  @ApiOperation({ summary: "Enter an analyst's claim with its quote and source", description: 'Recorded as a ClaimRecorded event, like the extractor\'s claims.' })
  @ApiAdmin()
  @ApiBody({ schema: ANALYST_CLAIM_BODY })
  @ApiCreatedResponse({ description: 'the claim was recorded', schema: CORRECTION_RESULT })
  @ApiOkResponse({ description: 'the same claim had been entered before: its first recording', schema: CORRECTION_RESULT })
  @ApiBadRequest('a missing or malformed field, an unknown watch or actor, named in the message')
  record(@Body() body: unknown, @Res({ passthrough: true }) res: Response) {
    return correction(res, () => this.corrections.record(body));
  }
}

function timeQuery(query: Record<string, unknown>): TimeQuery {
  try {
    return parseTimeQuery(query);
  } catch (error) {
    if (error instanceof TimeQueryError) throw new BadRequestException(error.message);
    throw error;
  }
}

async function answer<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (error instanceof UnknownWatchError) throw new NotFoundException(error.message);
    throw error;
  }
}

/** 201 for a new correction, 200 with the first one's position for a repeated request. */
async function correction(res: Response, record: () => Promise<CorrectionResult>) {
  try {
    const result = await record();
    if (result.duplicate) res.status(200);
    return result;
  } catch (error) {
    if (error instanceof ClaimInputError) throw new BadRequestException(error.message);
    if (error instanceof UnknownClaimError) throw new NotFoundException(error.message);
    throw error;
  }
}
