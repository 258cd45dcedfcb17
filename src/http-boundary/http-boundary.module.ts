import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { BoardModule } from '../board/board.module.js';
import { HttpErrorsFilter } from './http-errors.filter.js';
import { RequestInputPipe } from './request-input.pipe.js';

/**
 * What every request passes on its way in and out: input the database cannot store is refused
 * with a 400, and errors are answered in the client's content type (503 for a lost database).
 */
@Module({
  imports: [BoardModule],
  providers: [
    { provide: APP_PIPE, useClass: RequestInputPipe },
    { provide: APP_FILTER, useClass: HttpErrorsFilter },
  ],
})
export class HttpBoundaryModule {}
