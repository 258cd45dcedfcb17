// Child process for the crash test: opens a transaction, appends a batch, reports it, then
// hangs before COMMIT until the parent kills it with SIGKILL.
// usage: node append-then-hang.mjs <pglite-data-dir | postgres-url> <stream> <count>
import { randomUUID } from 'node:crypto';

const [target, stream, count] = process.argv.slice(2);
const batch = JSON.stringify(
  Array.from({ length: Number(count) }, (_, i) => ({ eventId: randomUUID(), type: 'ClaimRecorded', data: { n: i } })),
);
const append = `select count(*)::int as n from append_events($1, null, null, $2::jsonb)`;

if (target.startsWith('postgres')) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  await client.query('begin');
  const { rows } = await client.query(append, [stream, batch]);
  process.stdout.write(`appended ${rows[0].n}\n`);
} else {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(target);
  await db.query('begin');
  const { rows } = await db.query(append, [stream, batch]);
  process.stdout.write(`appended ${rows[0].n}\n`);
}
setInterval(() => undefined, 60_000); // hang, mid-transaction
