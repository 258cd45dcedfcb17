// Leadership on Postgres advisory locks: of all the instances sharing one database, the one
// holding a name's lock runs that job (the scheduler, a projection). A session-level lock lives
// as long as its connection, so each lease keeps a connection of its own; if that connection
// dies, Postgres frees the lock and another instance takes over.
//
// PGlite is one process's private database: leadership is decided within the process.
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DATABASE } from '../database/database.tokens.js';
import type { Database } from '../database/database.js';

/** Advisory lock namespace of leader locks (the append lock uses the one-key form, 7301001). */
const LEADER_LOCK_NAMESPACE = 7301;
const KEEPALIVE_MS = 5_000;

export interface LeaderLease {
  readonly name: string;
  /** False once the lease was released or its connection lost. */
  readonly held: boolean;
  release(): Promise<void>;
}

@Injectable()
export class LeaderLockRepository implements OnApplicationShutdown {
  private readonly logger = new Logger(LeaderLockRepository.name);
  private readonly leases = new Map<string, LeaderLease>();

  constructor(@Inject(DATABASE) private readonly database: Database) {}

  /** Takes the lock if nobody holds it; null when another instance (or lease) has it. */
  async tryAcquire(name: string): Promise<LeaderLease | null> {
    const existing = this.leases.get(name);
    if (existing?.held) return null;
    const lease = this.database.serverUrl
      ? await this.acquireOnServer(name, this.database.serverUrl)
      : InProcessLease.tryAcquire(this.database, name);
    if (lease) this.leases.set(name, lease);
    return lease;
  }

  private async acquireOnServer(name: string, url: string): Promise<LeaderLease | null> {
    const client = new pg.Client({ connectionString: url, application_name: `stance-monitor leader:${name}`.slice(0, 63) });
    client.on('error', () => undefined); // reported through the keepalive below
    await client.connect();
    const { rows } = await client.query<{ acquired: boolean }>(
      'select pg_try_advisory_lock($1, hashtext($2)) as acquired',
      [LEADER_LOCK_NAMESPACE, name],
    );
    if (!rows[0]?.acquired) {
      await client.end();
      return null;
    }
    return new ServerLease(name, client, this.logger);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.leases.values()].map((lease) => lease.release()));
    this.leases.clear();
  }
}

/** Names held per embedded database, shared by every repository instance in this process. */
const inProcessHolders = new WeakMap<Database, Set<string>>();

class InProcessLease implements LeaderLease {
  held = true;

  private constructor(
    readonly name: string,
    private readonly holders: Set<string>,
  ) {
    holders.add(name);
  }

  static tryAcquire(database: Database, name: string): InProcessLease | null {
    let holders = inProcessHolders.get(database);
    if (!holders) inProcessHolders.set(database, (holders = new Set()));
    return holders.has(name) ? null : new InProcessLease(name, holders);
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    this.holders.delete(this.name);
  }
}

class ServerLease implements LeaderLease {
  held = true;
  private readonly keepalive: NodeJS.Timeout;

  constructor(
    readonly name: string,
    private readonly client: pg.Client,
    private readonly logger: Logger,
  ) {
    // A connection can die silently (server restart, network): find out, and stop acting as leader.
    this.keepalive = setInterval(() => {
      client.query('select 1').catch((error: Error) => {
        if (!this.held) return;
        this.logger.warn(`lost leadership of ${name}: ${error.message}`);
        this.held = false;
        clearInterval(this.keepalive);
        client.end().catch(() => undefined);
      });
    }, KEEPALIVE_MS);
    this.keepalive.unref();
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    clearInterval(this.keepalive);
    // Closing the session frees its advisory locks.
    await this.client.end().catch(() => undefined);
  }
}
