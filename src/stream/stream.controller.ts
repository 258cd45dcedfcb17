import { BadRequestException, Controller, Get, Headers, NotFoundException, Query, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiBadRequest, ApiNotFound } from '../api-docs/api-docs.decorators.js';
import { WatchesService } from '../watches/watches.service.js';
import { resumePosition, StreamRequestError } from './domain/server-sent-events.js';
import { LiveStream, type StreamFilter } from './live-stream.service.js';

@Controller('api/stream')
export class StreamController {
  constructor(
    private readonly stream: LiveStream,
    private readonly watches: WatchesService,
  ) {}

  /**
   * Server-Sent Events: `stance.changed`, `stance.withdrawn` and `claim.recorded`, each with
   * `id:` = its log position. `?watch=` and `&actor=` narrow it; `Last-Event-ID` (or `?since=`)
   * resumes after a position.
   */
  @Get()
  @ApiTags('stream')
  @ApiOperation({
    summary: 'Live stance changes and new claims, as Server-Sent Events',
    description: 'Events `claim.recorded`, `stance.changed`, `stance.withdrawn`, each with `id:` its log position; the same JSON as the webhooks send. Open until the client or the service goes away.',
  })
  @ApiProduces('text/event-stream')
  @ApiQuery({ name: 'watch', required: false, description: 'only this watch', example: 'dprk-troops-russia' })
  @ApiQuery({ name: 'actor', required: false, description: 'only this actor (needs watch)', example: 'russia' })
  @ApiQuery({ name: 'since', required: false, description: 'replay everything after this log position (0: from the start)', schema: { type: 'integer', minimum: 0 } })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'resume after the last event received (what a reconnecting EventSource sends)' })
  @ApiOkResponse({ description: 'the stream', content: { 'text/event-stream': { schema: { type: 'string' } } } })
  @ApiBadRequest('a malformed since or Last-Event-ID, a parameter given twice, or actor without watch')
  @ApiNotFound('no such watch or actor')
  async live(
    @Req() req: Request,
    @Res() res: Response,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    let after: number | null;
    try {
      after = resumePosition(lastEventId, query.since);
    } catch (error) {
      if (error instanceof StreamRequestError) throw new BadRequestException(error.message);
      throw error;
    }
    await this.stream.serve(req, res, after, this.filter(query));
  }

  private filter(query: Record<string, unknown>): StreamFilter {
    const { watch, actor } = query;
    if (watch !== undefined && typeof watch !== 'string') throw new BadRequestException('watch must be given once');
    if (actor !== undefined && typeof actor !== 'string') throw new BadRequestException('actor must be given once');
    if (actor !== undefined && watch === undefined) throw new BadRequestException('actor needs watch: ?watch=<id>&actor=<id>');
    if (watch === undefined) return {};
    const found = this.watches.find(watch);
    if (!found) throw new NotFoundException(`no watch "${watch}"; GET /api/watches lists them`);
    if (actor !== undefined && !found.actors.some((a) => a.id === actor)) throw new NotFoundException(`watch "${watch}" has no actor "${actor}"`);
    return { watchId: watch, ...(actor !== undefined ? { actorId: actor } : {}) };
  }
}
