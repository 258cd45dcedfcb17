// `serve` as a login role that is only a member of stance_monitor_app (README, "Running against
// Postgres"), on a schema its owner migrated: it must start without taking Kysely's migration
// lock, and do all of its work (poll, extract, project, take corrections) with the grants the
// migrations give that role. A schema with migrations pending is the owner's job, and says so.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/database/database.js';
import { defaultMigrationsDir, migrateToLatest } from '../src/database/migrations.js';
import { startService } from './support/cli.js';
import { createTestDatabase, serverBackends, type TestDatabase } from './support/test-database.js';
import { until } from './support/until.js';

const ADMIN_TOKEN = 'least-privilege-admin-token';

// A plain loop: describe.each refuses the empty table of a run without a server.
for (const kind of serverBackends) describe(`the least-privilege role on ${kind}`, () => {
  let database: TestDatabase;
  let role: string;
  let roleUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind); // migrated by its owner, a superuser
    role = `stance_service_${randomBytes(4).toString('hex')}`;
    await database.superuser(`create role ${role} login in role stance_monitor_app`);
    const url = new URL(database.url!);
    url.username = role;
    url.password = '';
    roleUrl = url.toString();
  });
  afterAll(async () => {
    await database.close();
    await database.superuser(`drop role if exists ${role}`).catch(() => undefined); // the database is gone; the role is the cluster's
  });

  it('serves, ingests, projects and takes corrections as a member of stance_monitor_app on postgres', async () => {
    const service = await startService({ DATABASE_URL: roleUrl, ADMIN_TOKEN });
    try {
      const health = (await (await fetch(`${service.url}/health`)).json()) as { status: string; leads: string[] };
      expect(health.status).toBe('ok');
      // The fixtures are polled, their claims extracted and projected, all as the role.
      const stances = await until('the fixtures projected', async () => {
        const body = (await (await fetch(`${service.url}/api/watches/dprk-troops-russia/stances`)).json()) as {
          stances: { actor: string; stance: string | null }[];
        };
        return body.stances.filter((s) => s.stance !== null).length >= 3 && body.stances;
      }, 60_000);
      expect(stances.find((s) => s.actor === 'russia')?.stance).toBe('confirm');

      const claim = await fetch(`${service.url}/api/admin/claims`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          watch: 'dprk-troops-russia', actor: 'nato', stance: 'confirm', saidOn: '2025-05-02',
          quote: 'An alliance spokesperson said the deployment was confirmed by several members.',
          url: 'https://analyst.example/notes/1', analyst: 'ana',
        }),
      });
      expect(claim.status).toBe(201);
      expect(service.output()).not.toMatch(/permission denied/);
    } finally {
      await service.stop();
    }
  });

  it('leaves pending migrations to the owner, and says so', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'migrations-'));
    await cp(defaultMigrationsDir(), folder, { recursive: true });
    await writeFile(join(folder, '9999_later.sql'), 'create table later_feature (id int);');
    const asRole = await openDatabase({ databaseUrl: roleUrl, dataDir: '' });
    try {
      await expect(migrateToLatest(asRole.db, folder)).rejects.toThrow(/9999_later.*run `stance-monitor migrate` as the schema's owner/s);
    } finally {
      await asRole.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
