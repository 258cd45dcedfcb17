import { BadRequestException, Body, Controller, Get, HttpCode, Post, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { AdminTokenGuard } from '../admin/admin-token.guard.js';
import { InvalidSourceError, SourcesService } from './sources.service.js';
import { SourcesRepository, type SourceRow } from './sources.repository.js';

/** A source's visible health: never a silent stop. */
export function sourceHealth(row: SourceRow) {
  const state = row.last_polled_at === null ? 'pending' : row.consecutive_failures > 0 ? 'failing' : 'ok';
  return {
    id: row.source_id,
    kind: row.kind,
    location: row.location,
    title: row.title,
    addedBy: row.added_by,
    enabled: row.enabled,
    state,
    lastStatus: row.last_status,
    lastPolledAt: row.last_polled_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    consecutiveFailures: row.consecutive_failures,
    nextPollAt: row.next_poll_at,
    nextPollBasis: row.next_poll_basis,
    entriesSeen: row.entries_seen,
    documentsIngested: row.documents_ingested,
  };
}

@Controller()
export class SourcesController {
  constructor(
    private readonly sources: SourcesService,
    private readonly repository: SourcesRepository,
  ) {}

  @Get('api/sources')
  async list() {
    return { sources: (await this.repository.list()).map(sourceHealth) };
  }

  @Post('api/admin/sources')
  @UseGuards(AdminTokenGuard)
  @HttpCode(201)
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
}
