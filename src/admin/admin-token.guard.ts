// Guards /api/admin/*: first the client's rate limit (ADMIN_RATE_LIMIT), so that wrong tokens
// count too and cannot be guessed at speed; then a bearer token equal to ADMIN_TOKEN. With no
// ADMIN_TOKEN configured the admin API is closed (401), never open.
import { timingSafeEqual } from 'node:crypto';
import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { AdminRateLimiter } from './admin-rate-limiter.js';

@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimiter: AdminRateLimiter,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const retryAfterMs = this.rateLimiter.take(request.ip ?? request.socket.remoteAddress ?? 'unknown');
    if (retryAfterMs !== null) {
      const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
      context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds));
      throw new HttpException(
        {
          statusCode: HttpStatus.TOO_MANY_REQUESTS,
          error: 'Too Many Requests',
          message: `too many admin requests from this address (ADMIN_RATE_LIMIT); retry in ${seconds} s`,
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const presented = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
    if (!this.config.adminToken) throw new UnauthorizedException('the admin API is disabled: set ADMIN_TOKEN');
    if (!presented || !sameSecret(presented, this.config.adminToken)) {
      throw new UnauthorizedException('a valid "Authorization: Bearer <ADMIN_TOKEN>" header is required');
    }
    return true;
  }
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
