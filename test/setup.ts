import 'reflect-metadata';
import { Logger } from '@nestjs/common';

// Services built in-process by the integration tests log through Nest's default logger: keep the
// test output to what may explain a failure (leadership and progress lines are routine).
Logger.overrideLogger(['error', 'warn']);
