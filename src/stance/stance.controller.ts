import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiNotModifiedResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags, type SchemaObject } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AdminTokenGuard } from '../admin/admin-token.guard.js';
import { schemaRef } from '../api-docs/api-schemas.js';
import { ApiActorParam, ApiAdmin, ApiBadRequest, ApiNotFound, ApiTimeQuery, ApiWatchParam } from '../api-docs/api-docs.decorators.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { PublicLinks } from '../domain/public-links.js';
import { STANCES } from '../domain/vocabulary.js';
import { AnswerCache, type RenderedAnswer, type ServedAnswer } from './answer-cache.js';
import { cursorQuery, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageRequestError, parseHistoryFilter, parsePageRequest, type HistoryFilter, type PageCursor, type PageRequest } from './domain/claim-page.js';
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

/** Read answers: served from the answer cache, revalidated by their strong ETag. */
function ApiCachedRead() {
  return (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
    ApiHeader({ name: 'If-None-Match', required: false, description: 'an ETag of an earlier answer: 304 when the answer is still the same' })(target, key, descriptor);
    ApiNotModifiedResponse({ description: 'the answer is the one the ETag names (no body)' })(target, key, descriptor);
  };
}

/** `limit`, `after`, `before`, `from` (claim-page.ts) in the OpenAPI description. */
function ApiPageQuery() {
  return (target: object, key: string | symbol, descriptor: PropertyDescriptor) => {
    for (const query of [
      { name: 'limit', description: `claims per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}): the most any page holds`, schema: { type: 'integer' as const, minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
      { name: 'after', description: 'cursor: the claims after this claimId in the claim order (`page.next` links carry it)', schema: { type: 'string' as const } },
      { name: 'before', description: 'cursor: the claims before this claimId in the claim order (`page.prev` links carry it)', schema: { type: 'string' as const } },
      { name: 'from', description: 'start at the first claim said on or after this day (YYYY-MM-DD); not with after or before', schema: { type: 'string' as const, format: 'date' } },
    ]) {
      ApiQuery({ ...query, required: false })(target, key, descriptor);
    }
  };
}

@Controller()
export class StanceController {
  private readonly links: PublicLinks;

  constructor(
    private readonly queries: StanceQueries,
    private readonly corrections: ClaimCorrections,
    private readonly cache: AnswerCache,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.links = new PublicLinks(config.publicBaseUrl);
  }

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
  @ApiCachedRead()
  @ApiNotFound('no such watch')
  async stances(@Param('watch') watch: string, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const time = timeQuery(query);
    send(res, await this.cached(req, () => this.queries.stances(watch, time)));
  }

  @Get('api/watches/:watch/actors/:actor/history')
  @ApiTags('stances')
  @ApiOperation({ summary: "An actor's stance changes over valid time, each with its claim and the position from which it was known" })
  @ApiWatchParam()
  @ApiActorParam()
  @ApiTimeQuery({ asOf: true })
  @ApiPageQuery()
  @ApiQuery({ name: 'status', required: false, description: '`active`: only the claims that count; `dropped`: only rejected or superseded ones', schema: { type: 'string', enum: ['active', 'dropped'] } })
  @ApiQuery({ name: 'stance', required: false, description: 'only claims of these stances, separated by commas', schema: { type: 'string', example: 'deny,neither' } })
  @ApiOkResponse({
    description:
      'one page of the claims in claim order (`claims`, with why any no longer counts), the stance changes those claims made (`changes`), ' +
      'the totals (`counts`), the stance on `as_of` when given, and `page.next` / `page.prev`: links to the neighbouring pages, null at either end',
    schema: schemaRef('HistoryAnswer'),
  })
  @ApiCachedRead()
  @ApiBadRequest('a malformed time, limit, cursor, status or stance; a cursor that names no claim of this history')
  @ApiNotFound('no such watch')
  async history(@Param('watch') watch: string, @Param('actor') actor: string, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const time = timeQuery(query);
    const page = pageRequest(query);
    const filter = historyFilter(query);
    send(
      res,
      await this.cached(req, async () => {
        const history = await this.queries.history(watch, actor, time, page, filter);
        const link = (cursor: PageCursor | null) => cursor && this.historyLink(watch, actor, query, cursor, page.limit);
        return { ...history, page: { limit: history.page.limit, next: link(history.page.next), prev: link(history.page.prev) } };
      }),
    );
  }

  @Get('api/watches/:watch/actors/:actor/why')
  @ApiTags('stances')
  @ApiOperation({ summary: 'Why the actor holds its stance: the claims behind it, and those it overrode or that were dropped' })
  @ApiWatchParam()
  @ApiActorParam()
  @ApiTimeQuery({ asOf: false })
  @ApiQuery({ name: 'limit', required: false, description: `claims per list, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`, schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } })
  @ApiOkResponse({
    description:
      'the stance and the chain of claims behind it (`as_of` is refused: see history). Each list holds at most `limit` claims, ' +
      'those nearest the claim that set the stance; `counts` gives their full lengths and `more` the history page that continues each (null when it is complete)',
    schema: schemaRef('WhyAnswer'),
  })
  @ApiCachedRead()
  @ApiBadRequest('a malformed known_at or limit, or as_of (not supported here)')
  @ApiNotFound('no such watch')
  async why(@Param('watch') watch: string, @Param('actor') actor: string, @Query() query: Record<string, unknown>, @Req() req: Request, @Res() res: Response) {
    const time = timeQuery(query);
    if (time.asOf) throw new BadRequestException('why explains the stance now (or known_at); as_of is not supported here, see history?as_of=');
    const { limit } = pageRequest({ limit: query.limit });
    send(
      res,
      await this.cached(req, async () => {
        const why = await this.queries.why(watch, actor, time, limit);
        const link = (cursor: PageCursor | null) => cursor && this.historyLink(watch, actor, query, cursor, limit);
        return { ...why, more: { reaffirmedBy: link(why.more.reaffirmedBy), overrode: link(why.more.overrode), dropped: link(why.more.dropped) } };
      }),
    );
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

  /** The JSON answer from the answer cache; an error answer is thrown, not cached. */
  private cached(req: Request, read: () => Promise<unknown>): Promise<ServedAnswer> {
    const request = { ifNoneMatch: req.headers['if-none-match'], acceptEncoding: req.headers['accept-encoding'] };
    return this.cache.serve(req.originalUrl, request, async (): Promise<RenderedAnswer> => {
      const body = await answer(read);
      return { status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) };
    });
  }

  /** The history page a cursor names, with the time asked kept. */
  private historyLink(watch: string, actor: string, query: Record<string, unknown>, cursor: PageCursor, limit: number): string {
    return `${this.links.history(watch, actor)}?${cursorQuery(cursor, limit, timeParams(query))}`;
  }
}

/** The time a request asked for, to carry into the links of its pages. */
function timeParams(query: Record<string, unknown>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of ['as_of', 'known_at', 'known_at_position']) {
    const value = query[name];
    if (typeof value === 'string') kept[name] = value;
  }
  return kept;
}

function send(res: Response, served: ServedAnswer): void {
  res.status(served.status).set(served.headers);
  if (served.body === null) res.end();
  else res.send(served.body);
}

function pageRequest(query: Record<string, unknown>): PageRequest {
  return badRequestOn(() => parsePageRequest(query));
}

function historyFilter(query: Record<string, unknown>): HistoryFilter {
  return badRequestOn(() => parseHistoryFilter(query));
}

function badRequestOn<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof PageRequestError) throw new BadRequestException(error.message);
    throw error;
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
    if (error instanceof PageRequestError) throw new BadRequestException(error.message);
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
