import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { schemaRef } from '../api-docs/api-schemas.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { DATABASE } from '../database/database.tokens.js';
import type { Database } from '../database/database.js';
import { DATABASE_RETRY_AFTER_SECONDS } from '../http-boundary/domain/error-answer.js';
import { EventStoreRepository } from '../event-store/event-store.repository.js';
import { LeaderLockRepository } from '../event-store/leader-lock.repository.js';

@Controller('health')
@ApiTags('health')
export class HealthController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATABASE) private readonly database: Database,
    private readonly events: EventStoreRepository,
    private readonly leaderLocks: LeaderLockRepository,
  ) {}

  /** 200 with the database kind, this instance and its roles, and the log's head; 503 when the database does not answer. */
  @Get()
  @ApiOperation({ summary: 'Whether the service and its database answer, and the head of the event log (for `verify --expect-head`)' })
  @ApiOkResponse({ description: 'the service and its database answer: the instance, its roles and the head of the log', schema: schemaRef('Health') })
  @ApiServiceUnavailableResponse({ description: 'the database did not answer (`status: "unavailable"`, with the error)', schema: schemaRef('Health'), headers: { 'Retry-After': { description: 'seconds', schema: { type: 'integer' } } } })
  async health(@Res() res: Response): Promise<void> {
    try {
      const head = await withTimeout(this.events.head(), 5_000);
      res.status(HttpStatus.OK).json({
        status: 'ok',
        database: this.database.kind,
        ...this.instance(),
        log: { headPosition: head.position, headHash: head.hash, lastRecordedAt: head.recordedAt },
      });
    } catch (error) {
      res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        status: 'unavailable',
        database: this.database.kind,
        ...this.instance(),
        error: (error as Error).message,
      });
    }
  }

  /** Which of the instances sharing the database answered, and the background roles it runs now. */
  private instance(): { instance: string; leads: string[] } {
    return { instance: this.config.instanceId, leads: this.leaderLocks.leads() };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`database did not answer within ${ms} ms`)), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), reject(error)),
    );
  });
}
