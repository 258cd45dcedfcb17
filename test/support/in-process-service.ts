// The whole application in the test's own process (createServer, as `serve` builds it), on a
// fresh database of either kind, listening on a free loopback port. Lighter than a child process
// (test/support/cli.ts), and the test can reach into it: its database, its services.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { loadConfig, type AppConfig } from '../../src/config/config.js';
import type { DatabaseKind } from '../../src/database/database.js';
import { createServer } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

export interface InProcessService {
  url: string;
  app: INestApplication;
  config: AppConfig;
  /** The Postgres test database (null on PGlite, whose in-memory database the app opened itself). */
  database: TestDatabase | null;
  stop(): Promise<void>;
}

export async function startInProcessService(kind: DatabaseKind, env: Record<string, string> = {}): Promise<InProcessService> {
  const database = kind === 'postgres' ? await createTestDatabase('postgres') : null;
  const config = loadConfig({
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    FIXTURES_DIR: 'off',
    LOG_LEVEL: 'error',
    ADMIN_RATE_LIMIT: '100000/second',
    ...env,
    ...(database ? { DATABASE_URL: database.url! } : {}),
  });
  const app = await createServer(database ? config : { ...config, dataDir: 'memory://' }, { background: false });
  await app.listen(0, '127.0.0.1');
  const { port } = (app.getHttpServer() as Server).address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    config,
    database,
    stop: async () => {
      await app.close();
      await database?.close();
    },
  };
}
