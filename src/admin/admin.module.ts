import { Global, Module } from '@nestjs/common';
import { AdminRateLimiter } from './admin-rate-limiter.js';

/** One rate limiter for every admin route, whichever module declares it (hence global). */
@Global()
@Module({ providers: [AdminRateLimiter], exports: [AdminRateLimiter] })
export class AdminModule {}
