// Every error leaves in the form the client asked for: JSON for the API and for tools, a page in
// the board's style for a browser on a page. An unreachable database is a 503 with Retry-After,
// not a 500: the request was fine and will work again.
import { STATUS_CODES } from 'node:http';
import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { BoardAssets } from '../board/board-assets.js';
import { errorMain, renderPage } from '../board/domain/layout.js';
import { PublicLinks } from '../domain/public-links.js';
import { answerForError, type ErrorAnswer } from './domain/error-answer.js';

@Catch()
export class HttpErrorsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');
  private readonly links = new PublicLinks('');

  constructor(private readonly assets: BoardAssets) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const { answer, body } = this.answer(exception, req);
    if (res.headersSent) {
      // A stream or a page already under way: nothing left to say but to stop.
      res.end();
      return;
    }
    if (answer.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(answer.retryAfterSeconds));
    res.status(answer.status);
    if (wantsPage(req)) {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.send(this.page(answer));
    } else {
      // Set here: a page's handler may have set text/html before it failed, and json() keeps that.
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.send(JSON.stringify(body));
    }
  }

  private answer(exception: unknown, req: Request): { answer: ErrorAnswer; body: Record<string, unknown> } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const body = typeof response === 'string' ? { statusCode: status, message: response } : { statusCode: status, ...(response as object) };
      const message = (body as { message?: unknown }).message;
      return { answer: { status, message: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message) }, body };
    }
    const answer = answerForError(exception);
    const error = exception as Error;
    // An outage is one line per request (the cause is elsewhere); a 500 is a bug: its stack.
    if (answer.status === 503) this.logger.warn(`${req.method} ${req.path}: database unreachable: ${error?.message ?? String(exception)}`);
    else if (answer.status >= 500) this.logger.error(`${req.method} ${req.path}: ${error?.message ?? String(exception)}`, error?.stack);
    return { answer, body: { statusCode: answer.status, message: answer.message, error: STATUS_CODES[answer.status] ?? 'Error' } };
  }

  private page(answer: ErrorAnswer): string {
    const heading = STATUS_CODES[answer.status] ?? 'Error';
    return renderPage({
      title: heading,
      section: null,
      feeds: [],
      main: errorMain(heading, answer.message, this.links),
      assets: this.assets.urls(this.links),
      links: this.links,
    });
  }
}


/**
 * A page unless the client asks for JSON by name; the API, /health, /metrics and the feeds
 * answer JSON whatever is asked.
 */
function wantsPage(req: Request): boolean {
  if (/^\/(api\/|health$|metrics$|feeds\/)/.test(req.path)) return false;
  return req.accepts(['html', 'json']) === 'html';
}
