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
import type { Response } from 'express';
import { AdminTokenGuard } from '../admin/admin-token.guard.js';
import { ClaimCorrections, UnknownClaimError, type CorrectionResult } from './claim-corrections.service.js';
import { ClaimInputError } from './domain/analyst-claim.js';
import { parseTimeQuery, TimeQueryError, type TimeQuery } from './domain/time-query.js';
import { StanceQueries, UnknownWatchError } from './stance-queries.service.js';

@Controller()
export class StanceController {
  constructor(
    private readonly queries: StanceQueries,
    private readonly corrections: ClaimCorrections,
  ) {}

  @Get('api/watches')
  watches() {
    return { watches: this.queries.listWatches() };
  }

  @Get('api/watches/:watch/stances')
  stances(@Param('watch') watch: string, @Query() query: Record<string, unknown>) {
    return answer(() => this.queries.stances(watch, timeQuery(query)));
  }

  @Get('api/watches/:watch/actors/:actor/history')
  history(@Param('watch') watch: string, @Param('actor') actor: string, @Query() query: Record<string, unknown>) {
    return answer(() => this.queries.history(watch, actor, timeQuery(query)));
  }

  @Get('api/watches/:watch/actors/:actor/why')
  why(@Param('watch') watch: string, @Param('actor') actor: string, @Query() query: Record<string, unknown>) {
    const time = timeQuery(query);
    if (time.asOf) throw new BadRequestException('why explains the stance now (or known_at); as_of is not supported here, see history?as_of=');
    return answer(() => this.queries.why(watch, actor, time));
  }

  @Post('api/admin/claims/:id/reject')
  @UseGuards(AdminTokenGuard)
  @HttpCode(201)
  reject(@Param('id') claimId: string, @Body() body: unknown, @Res({ passthrough: true }) res: Response) {
    return correction(res, () => this.corrections.reject(claimId, body));
  }

  @Post('api/admin/claims')
  @UseGuards(AdminTokenGuard)
  @HttpCode(201)
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
