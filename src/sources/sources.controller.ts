import { BadRequestException, Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AdminTokenGuard } from '../admin/admin-token.guard.js';
import { schemaRef } from '../api-docs/api-schemas.js';
import { ApiAdmin, ApiBadRequest, ApiNotFound } from '../api-docs/api-docs.decorators.js';
import { redactLocation, redactLocationsIn } from './domain/redact-location.js';
import { InvalidSourceError, SourcesService } from './sources.service.js';
import { SourcesRepository, type SourceRow } from './sources.repository.js';

/**
 * A source's visible health: never a silent stop. Public (GET /api/sources, /sources), so its
 * location and the texts that may quote it are redacted.
 */
export function sourceHealth(row: SourceRow) {
  const state = !row.enabled ? 'paused' : row.last_polled_at === null ? 'pending' : row.consecutive_failures > 0 ? 'failing' : 'ok';
  return {
    id: row.source_id,
    kind: row.kind,
    location: redactLocation(row.location),
    title: row.title,
    addedBy: row.added_by,
    enabled: row.enabled,
    state,
    lastStatus: row.last_status === null ? null : redactLocationsIn(row.last_status),
    lastPolledAt: row.last_polled_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error === null ? null : redactLocationsIn(row.last_error),
    lastErrorAt: row.last_error_at,
    consecutiveFailures: row.consecutive_failures,
    nextPollAt: row.next_poll_at,
    nextPollBasis: row.next_poll_basis,
    entriesSeen: row.entries_seen,
    documentsIngested: row.documents_ingested,
  };
}

@Controller()
@ApiTags('sources')
export class SourcesController {
  constructor(
    private readonly sources: SourcesService,
    private readonly repository: SourcesRepository,
  ) {}

  @Get('api/sources')
  @ApiOperation({ summary: "Every source's health: state (pending, ok, failing), last status and error, next poll and why" })
  @ApiOkResponse({ description: 'every source, in the order they were added', schema: { type: 'object', required: ['sources'], properties: { sources: { type: 'array', items: schemaRef('Source') } } } })
  async list() {
    return { sources: (await this.repository.list()).map(sourceHealth) };
  }

  @Post('api/admin/sources')
  @UseGuards(AdminTokenGuard)
  @HttpCode(201)
  @ApiOperation({ summary: 'Add an RSS, Atom or JSON Feed to poll' })
  @ApiAdmin()
  @ApiBody({
    schema: {
      type: 'object',
      required: ['url'],
      properties: {
        url: { type: 'string', format: 'uri', description: 'http(s) address of the feed', example: 'https://news.example.org/feed.xml' },
        title: { type: 'string', description: 'a name for people', example: 'Example News' },
      },
    },
  })
  @ApiCreatedResponse({ description: 'the feed was added (`created: true`)', schema: schemaRef('SourceAnswer') })
  @ApiOkResponse({ description: 'the feed was there already (`created: false`)', schema: schemaRef('SourceAnswer') })
  @ApiBadRequest('no url, a url that is not http(s), or a title that is not a string')
  async add(@Body() body: unknown, @Res({ passthrough: true }) res: Response) {
    const { url, title } = (body ?? {}) as { url?: unknown; title?: unknown };
    if (typeof url !== 'string') throw new BadRequestException('body must be JSON {"url": "https://...", "title"?: "..."}');
    if (title !== undefined && typeof title !== 'string') throw new BadRequestException('title must be a string');
    try {
      const { source, created } = await this.sources.addFeed(url, title ?? null, 'admin');
      if (!created) res.status(200);
      return { created, source: sourceHealth(source) };
    } catch (error) {
      if (error instanceof InvalidSourceError) throw new BadRequestException(error.message);
      throw error;
    }
  }

  @Delete('api/admin/sources/:id')
  @UseGuards(AdminTokenGuard)
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a source',
    description: 'It is no longer polled or listed; the documents and claims it brought stay in the log. A source from FEED_URLS or FIXTURES_DIR comes back at the next start unless removed from the configuration too.',
  })
  @ApiAdmin()
  @ApiSourceId()
  @ApiNoContentResponse({ description: 'removed' })
  @ApiNotFound('no such source')
  async remove(@Param('id') id: string): Promise<void> {
    if (!(await this.repository.remove(id))) throw unknownSource(id);
  }

  @Post('api/admin/sources/:id/pause')
  @UseGuards(AdminTokenGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Pause a source: not polled until resumed (a poll under way finishes)', description: 'Shown as state "paused"; pausing a paused source changes nothing.' })
  @ApiAdmin()
  @ApiSourceId()
  @ApiOkResponse({ description: 'the source, paused', schema: schemaRef('SourceAnswer') })
  @ApiNotFound('no such source')
  async pause(@Param('id') id: string) {
    return this.setEnabled(id, false);
  }

  @Post('api/admin/sources/:id/resume')
  @UseGuards(AdminTokenGuard)
  @HttpCode(200)
  @ApiOperation({ summary: 'Resume a paused source: it is due at once' })
  @ApiAdmin()
  @ApiSourceId()
  @ApiOkResponse({ description: 'the source, due now', schema: schemaRef('SourceAnswer') })
  @ApiNotFound('no such source')
  async resume(@Param('id') id: string) {
    return this.setEnabled(id, true);
  }

  private async setEnabled(id: string, enabled: boolean) {
    const row = await this.repository.setEnabled(id, enabled, new Date());
    if (!row) throw unknownSource(id);
    return { source: sourceHealth(row) };
  }
}

function ApiSourceId() {
  return ApiParam({ name: 'id', description: 'the source id (GET /api/sources lists them)', example: 'feed-news-example-org-0123abcd' });
}

function unknownSource(id: string): NotFoundException {
  return new NotFoundException(`no source "${id}"; GET /api/sources lists them`);
}
