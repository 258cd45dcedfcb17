import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DATABASE } from '../database/database.tokens.js';
import type { Database } from '../database/database.js';
import { EventStoreRepository } from '../event-store/event-store.repository.js';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    private readonly events: EventStoreRepository,
  ) {}

  /** 200 with the database kind and the log's head; 503 when the database does not answer. */
  @Get()
  async health(@Res() res: Response): Promise<void> {
    try {
      const head = await withTimeout(this.events.head(), 5_000);
      res.status(HttpStatus.OK).json({
        status: 'ok',
        database: this.database.kind,
        log: { headPosition: head.position, headHash: head.hash, lastRecordedAt: head.recordedAt },
      });
    } catch (error) {
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({
        status: 'unavailable',
        database: this.database.kind,
        error: (error as Error).message,
      });
    }
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
