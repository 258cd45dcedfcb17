// Three `rebuild`s of the stance projection in a row over one log on the Postgres server, each
// next to the raw read rate of the same log: a rebuild must not leave anything behind that makes
// the next one slower (DELETE did: dead tuples; 21, 30 and 38 s for three rebuilds of 1M events).
// The log is the long history's (bench/long-history.ts): 100,000 claims, two watches, six actors.
import { sql } from 'kysely';
import type { Database } from '../src/database/database.js';
import { EventStoreRepository } from '../src/event-store/event-store.repository.js';
import { EventStore } from '../src/event-store/event-store.service.js';
import { LeaderLockRepository } from '../src/event-store/leader-lock.repository.js';
import { SubscriptionRunner } from '../src/event-store/subscription-runner.js';
import { AnnouncementsRepository } from '../src/stance/announcements.repository.js';
import { StanceProjection } from '../src/stance/stance-projection.js';
import { StanceRepository } from '../src/stance/stance.repository.js';
import type { Report } from './report.js';
import { fillClaimLog, syntheticTimelines } from './long-history.js';
import { rawReadPass } from './stance.bench.js';

const REBUILDS = 3;

export async function benchRepeatedRebuilds(database: Database, report: Report, { claims }: { claims: number }) {
  const repository = new EventStoreRepository(database);
  await fillClaimLog(repository, claims, syntheticTimelines(2, 6));
  await sql`vacuum (analyze) events`.execute(database.db);
  const logLength = (await repository.head()).position;
  const { read, rawRead } = await rawReadPass(database);
  const runner = new SubscriptionRunner(repository, new EventStore(repository), new LeaderLockRepository(database));
  const projection = new StanceProjection(new StanceRepository(database), repository, runner, new AnnouncementsRepository());
  const seconds: number[] = [];
  for (let i = 1; i <= REBUILDS; i++) {
    const start = performance.now();
    const result = await projection.rebuild();
    seconds.push((performance.now() - start) / 1000);
    if (result.position !== logLength) throw new Error(`rebuild ${i} stopped at ${result.position}, the log ends at ${logLength}`);
    report.add({
      name: `stance.rebuild.${i}_of_${REBUILDS}`,
      value: logLength / seconds.at(-1)!,
      unit: 'events/s',
      baseline: read / rawRead,
      target: '>= 0.3 each, baseline = raw read of the log',
    });
  }
  report.note(`  ${logLength} events; rebuilds took ${seconds.map((s) => s.toFixed(1)).join(', ')} s; raw read ${rawRead.toFixed(1)} s`);
}
