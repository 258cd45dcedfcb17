import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { openDatabase, type Database } from './database.js';
import { DATABASE } from './database.tokens.js';
import { migrateToLatest } from './migrations.js';

/**
 * Opens the database once (or takes one its caller opened) and migrates it to the latest schema
 * before anything uses it. The application closes it when it shuts down, in either case.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  static forRoot(opened?: Database): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DATABASE,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig): Promise<Database> => migrated(opened ?? (await openDatabase(config))),
        },
      ],
      exports: [DATABASE],
    };
  }

  constructor(@Inject(DATABASE) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}

async function migrated(database: Database): Promise<Database> {
  try {
    const { applied } = await migrateToLatest(database.db);
    if (applied.length > 0) new Logger('Database').log(`applied migrations: ${applied.join(', ')}`);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
