// Leadership on Postgres advisory locks: of all the instances sharing one database, the one
// holding a name's lock runs that job (the scheduler, a projection). A session-level lock lives
// as long as its connection, so each lease keeps a connection of its own; if that connection
// dies, Postgres frees the lock and another instance takes over.
//
// PGlite is one process's private database: leadership is decided within the process.
//
// Fencing. A leader learns that it lost its lock only when it next asks: a killed lock session or
// a restarted server leaves it believing it leads while another instance has taken over. So each
// unit of work asks, in the transaction that commits it (`fenced`), or just before an effect that
// no transaction can undo (`confirm`, before a webhook POST or a feed poll). `fenced` first takes
// a transaction lock per role, which makes units of one role, whoever runs them, run one after
// the other; then, after the unit's writes and just before the commit, checks that the lease's
// own session still holds the role's lock, and rolls the unit back if not. A session lock lost
// is never regained by the same session, so a unit that passes held the lock from start to end,
// and the next leader's first unit waits for it to commit.
import { Inject, Injectable, Logger, Optional, type OnApplicationShutdown } from '@nestjs/common';
import { sql, type Transaction } from 'kysely';
import pg from 'pg';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { DATABASE } from '../database/database.tokens.js';
import type { Database } from '../database/database.js';
import type { Tables } from '../database/schema.js';

/** Advisory lock namespace of leader locks (the append lock uses the one-key form, 7301001). */
const LEADER_LOCK_NAMESPACE = 7301;
/** Namespace of the transaction locks that put one role's units of work in a single file. */
const UNIT_LOCK_NAMESPACE = 7302;
const KEEPALIVE_MS = 5_000;

export interface LeaderLease {
  readonly name: string;
  /** This tenure: the instance and its lock session, different at each acquisition. */
  readonly epoch: string;
  /** False once the lease was released or found lost. */
  readonly held: boolean;
  /**
   * Runs a unit of work in `trx`: after any other unit of this role has ended, and only while
   * the lock is this lease's; else throws LeadershipLostError (the transaction rolls back) and
   * drops the lease.
   */
  fenced<T>(trx: Transaction<Tables>, unit: () => Promise<T>): Promise<T>;
  /** Asks the lock's session whether it still holds the lock; false (and the lease dropped) if not. */
  confirm(): Promise<boolean>;
  release(): Promise<void>;
}

export class LeadershipLostError extends Error {
  constructor(name: string, epoch: string) {
    super(`${epoch} no longer holds the ${name} lock: the unit of work was rolled back`);
    this.name = 'LeadershipLostError';
  }
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
    const { rows } = await client.query<{ acquired: boolean; pid: number }>(
      'select pg_try_advisory_lock($1, hashtext($2)) as acquired, pg_backend_pid() as pid',
      [LEADER_LOCK_NAMESPACE, name],
    );
    if (!rows[0]?.acquired) {
      await client.end();
      return null;
    }
    return new ServerLease(name, client, rows[0].pid, this.logger, this.instance);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.leases.values()].map((lease) => lease.release()));
    this.leases.clear();
  }
}

/** Names held per embedded database, shared by every repository instance in this process. */
const inProcessHolders = new WeakMap<Database, Set<string>>();

let inProcessTenures = 0;

class InProcessLease implements LeaderLease {
  held = true;
  readonly epoch: string;

  private constructor(
    readonly name: string,
    private readonly holders: Set<string>,
    private readonly logger: Logger,
    private readonly instance: string,
  ) {
    holders.add(name);
    this.epoch = `${instance}/${++inProcessTenures}`;
  }

  // In one process nothing takes a lease away but its release.
  async fenced<T>(_trx: Transaction<Tables>, unit: () => Promise<T>): Promise<T> {
    if (!this.held) throw new LeadershipLostError(this.name, this.epoch);
    const result = await unit();
    if (!this.held) throw new LeadershipLostError(this.name, this.epoch);
    return result;
  }

  async confirm(): Promise<boolean> {
    return this.held;
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
  readonly epoch: string;
  private readonly keepalive: NodeJS.Timeout;
  private confirming: Promise<boolean> | null = null;

  constructor(
    readonly name: string,
    private readonly client: pg.Client,
    /** The lock session's backend: the lock is ours while pg_locks shows it granted to this pid. */
    private readonly backendPid: number,
    private readonly logger: Logger,
    private readonly instance: string,
  ) {
    this.epoch = `${instance}/${backendPid}`;
    // Between units, too, a dead connection (server restart, network) is found and the role dropped.
    this.keepalive = setInterval(() => void this.confirm(), KEEPALIVE_MS);
    this.keepalive.unref();
  }

  async fenced<T>(trx: Transaction<Tables>, unit: () => Promise<T>): Promise<T> {
    await sql`select pg_advisory_xact_lock(${UNIT_LOCK_NAMESPACE}, hashtext(${this.name}))`.execute(trx);
    await this.assertHeldIn(trx); // not worth doing the work if the lock is gone already
    const result = await unit();
    await this.assertHeldIn(trx);
    return result;
  }

  private async assertHeldIn(trx: Transaction<Tables>): Promise<void> {
    if (this.held) {
      const { rows } = await sql<{ held: boolean }>`
        select exists (
          select 1 from pg_locks
          where locktype = 'advisory' and classid = ${LEADER_LOCK_NAMESPACE} and objid = hashtext(${this.name})::oid
            and objsubid = 2 and pid = ${this.backendPid} and granted
        ) as held
      `.execute(trx);
      if (rows[0]?.held) return;
      this.lost('its lock session no longer holds the lock');
    }
    throw new LeadershipLostError(this.name, this.epoch);
  }

  /**
   * Whether the lock session still holds the lock. Concurrent callers (the scheduler confirms once
   * per source it polls) share one check: the session is one connection, which runs one query at
   * a time.
   */
  confirm(): Promise<boolean> {
    return (this.confirming ??= this.check().finally(() => {
      this.confirming = null;
    }));
  }

  private async check(): Promise<boolean> {
    if (!this.held) return false;
    try {
      const { rows } = await this.client.query<{ held: boolean }>(
        `select exists (select 1 from pg_locks where locktype = 'advisory' and classid = $1 and objid = hashtext($2)::oid
           and objsubid = 2 and pid = pg_backend_pid() and granted) as held`,
        [LEADER_LOCK_NAMESPACE, this.name],
      );
      if (rows[0]?.held) return true;
      this.lost('its lock session no longer holds the lock');
    } catch (error) {
      this.lost(`its connection failed (${(error as Error).message})`);
    }
    return false;
  }

  private lost(why: string): void {
    if (!this.held) return;
    this.logger.warn(`${this.instance} no longer leads ${this.name}: ${why}`);
    this.held = false;
    clearInterval(this.keepalive);
    this.client.end().catch(() => undefined);
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
