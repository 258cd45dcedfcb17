// Leadership on Postgres advisory locks: of all the instances sharing one database, the one
// holding a name's lock runs that job (the scheduler, a projection). A session-level lock lives
// as long as its connection, so each lease keeps a connection of its own; if that connection
// dies, Postgres frees the lock and another instance takes over.
//
// PGlite is one process's private database: leadership is decided within the process.
import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
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
  /** Who this instance is, in the log lines and in the lock connections' application_name. */
  private readonly instance: string;

  constructor(
    @Inject(DATABASE) private readonly database: Database,
    // Optional so that a test can stand up several "instances" in one process without a config.
    @Optional() @Inject(APP_CONFIG) config?: AppConfig,
  ) {
    this.instance = config?.instanceId ?? `pid ${process.pid}`;
  }

  /** Takes the lock if nobody holds it; null when another instance (or lease) has it. */
  async tryAcquire(name: string): Promise<LeaderLease | null> {
    const existing = this.leases.get(name);
    if (existing?.held) return null;
    const lease = this.database.serverUrl
      ? await this.acquireOnServer(name, this.database.serverUrl)
      : InProcessLease.tryAcquire(this.database, name, this.logger, this.instance);
    if (lease) {
      this.leases.set(name, lease);
      this.logger.log(`${this.instance} now leads ${name}`);
    }
    return lease;
  }

  /** The roles this instance leads now, by name (for /health: which instance runs what). */
  leads(): string[] {
    return [...this.leases.values()]
      .filter((lease) => lease.held)
      .map((lease) => lease.name)
      .sort();
  }

  private async acquireOnServer(name: string, url: string): Promise<LeaderLease | null> {
    const client = new pg.Client({ connectionString: url, application_name: `stance-monitor leader:${name} ${this.instance}`.slice(0, 63) });
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
    return new ServerLease(name, client, this.logger, this.instance);
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
    private readonly logger: Logger,
    private readonly instance: string,
  ) {
    holders.add(name);
  }

  static tryAcquire(database: Database, name: string, logger: Logger, instance: string): InProcessLease | null {
    let holders = inProcessHolders.get(database);
    if (!holders) inProcessHolders.set(database, (holders = new Set()));
    return holders.has(name) ? null : new InProcessLease(name, holders, logger, instance);
  }

  async release(): Promise<void> {
    if (!this.held) return;
    this.held = false;
    this.holders.delete(this.name);
    this.logger.log(`${this.instance} released ${this.name}`);
  }
}

class ServerLease implements LeaderLease {
  held = true;
  private readonly keepalive: NodeJS.Timeout;

  constructor(
    readonly name: string,
    private readonly client: pg.Client,
    private readonly logger: Logger,
    private readonly instance: string,
  ) {
    // A connection can die silently (server restart, network): find out, and stop acting as leader.
    this.keepalive = setInterval(() => {
      client.query('select 1').catch((error: Error) => {
        if (!this.held) return;
        this.logger.warn(`${instance} no longer leads ${name}: its connection failed (${error.message})`);
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
    this.logger.log(`${this.instance} released ${this.name}`);
  }
}
