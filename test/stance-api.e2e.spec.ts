// The stance API over real HTTP, on the service as a user starts it (fixtures ingested at start),
// and the audit commands against the same database.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, startService } from './support/cli.js';
import { createTestDatabase, serverBackends, type TestDatabase } from './support/test-database.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const WATCH = 'dprk-troops-russia';

interface StanceAnswer {
  knownAtPosition: number;
  asOf: string | null;
  stances: { actor: string; stance: string | null; since: { from: string | null; to: string; claim: { claimId: string; quote: string; url: string } } | null }[];
}

// On the server when there is one (PGlite's start costs seconds per process); the API is the same.
describe.each(serverBackends.length > 0 ? serverBackends : (['pglite'] as const))('the stance API on %s', (kind) => {
  let database: TestDatabase | undefined;
  let dataDir: string;
  let env: Record<string, string>;
  let service: Awaited<ReturnType<typeof startService>>;
  const get = async (path: string) => {
    const res = await fetch(`${service.url}${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const post = async (path: string, body: unknown, token: string | null = ADMIN_TOKEN) => {
    const res = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const russia = async (query = '') =>
    ((await get(`/api/watches/${WATCH}/stances${query}`)).body as unknown as StanceAnswer).stances.find((s) => s.actor === 'russia')!;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stance-api-'));
    if (kind === 'postgres') database = await createTestDatabase('postgres');
    env = database ? { DATABASE_URL: database.url! } : { DATA_DIR: dataDir };
    service = await startService({ ...env, ADMIN_TOKEN });
    // The fixtures are ingested, extracted and projected in the background after start.
    for (let i = 0; i < 150 && (await russia()).stance !== 'confirm'; i++) await new Promise((r) => setTimeout(r, 200));
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lists the watches and every actor’s current stance with the claim behind it', async () => {
    const watches = await get('/api/watches');
    expect(watches.body.watches).toEqual([expect.objectContaining({ id: WATCH, actors: expect.arrayContaining([{ id: 'russia', name: expect.any(String) }]) })]);
    const { status, body } = await get(`/api/watches/${WATCH}/stances`);
    expect(status).toBe(200);
    const answer = body as unknown as StanceAnswer;
    expect(answer.stances.map((s) => s.stance)).toEqual(['confirm', 'confirm', 'confirm', 'confirm', 'confirm', 'confirm']);
    expect(answer.stances.find((s) => s.actor === 'russia')?.since).toMatchObject({ from: 'neither', to: 'confirm', claim: { quote: expect.stringContaining('26 April') } });
  });

  it('answers in valid time (as_of) and in transaction time (known_at, known_at_position)', async () => {
    expect((await russia('?as_of=2024-10-23')).stance).toBe('deny');
    expect((await russia('?as_of=2024-10-25')).stance).toBe('neither');
    expect((await russia('?known_at_position=0')).stance).toBeNull();
    expect((await russia('?known_at=2000-01-01T00:00:00Z')).stance).toBeNull();
    const history = await get(`/api/watches/${WATCH}/actors/russia/history`);
    const changes = history.body.changes as { from: string | null; to: string; knownAtPosition: number; claim: { claimId: string } }[];
    expect(changes.map((c) => `${c.from}->${c.to}`)).toEqual(['null->deny', 'deny->neither', 'neither->confirm']);
    // Known at the position where today's confirmation step became known, the service showed it;
    // one position earlier it did not (it credited another claim, or showed another stance).
    const confirm = changes[2]!;
    expect((await russia(`?known_at_position=${confirm.knownAtPosition}`)).since?.claim.claimId).toBe(confirm.claim.claimId);
    expect((await russia(`?known_at_position=${confirm.knownAtPosition - 1}`)).since?.claim.claimId).not.toBe(confirm.claim.claimId);
    const asOf = await get(`/api/watches/${WATCH}/actors/russia/history?as_of=2024-12-31`);
    expect((asOf.body.changes as unknown[]).length).toBe(2);
    expect(asOf.body.stance).toBe('neither');
  });

  it('explains the stance: the claim that produced it and the claims it overrode', async () => {
    const { status, body } = await get(`/api/watches/${WATCH}/actors/russia/why`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ stance: 'confirm', producedBy: { stance: 'confirm', document: { outlet: 'Dadunation' } } });
    expect((body.overrode as { stance: string }[]).map((c) => c.stance)).toEqual(expect.arrayContaining(['deny', 'neither']));
  });

  it('says what is wrong with a request: 400 for a bad time, 404 for an unknown watch or actor, 401 without the token', async () => {
    expect(await get(`/api/watches/${WATCH}/stances?as_of=yesterday`)).toMatchObject({ status: 400, body: { message: expect.stringContaining('as_of') } });
    expect(await get(`/api/watches/${WATCH}/stances?known_at_position=-3`)).toMatchObject({ status: 400 });
    expect(await get('/api/watches/nope/stances')).toMatchObject({ status: 404, body: { message: expect.stringContaining('nope') } });
    expect(await get(`/api/watches/${WATCH}/actors/atlantis/history`)).toMatchObject({ status: 404 });
    expect((await post('/api/admin/claims/x/reject', { reason: 'r', analyst: 'a' }, null)).status).toBe(401);
    expect(await post('/api/admin/claims', { watch: WATCH, actor: 'russia' })).toMatchObject({ status: 400, body: { message: expect.stringContaining('stance') } });
    expect((await post('/api/admin/claims/claim-unknown/reject', { reason: 'r', analyst: 'a' })).status).toBe(404);
  });

  it('a rejection through the admin API drops the claim, with its reason, and replay shows what was known before', async () => {
    const before = await russia();
    const claimId = before.since!.claim.claimId;
    const rejected = await post(`/api/admin/claims/${claimId}/reject`, { reason: 'not a statement by Russia', analyst: 'ana' });
    expect(rejected.status).toBe(201);
    expect((await post(`/api/admin/claims/${claimId}/reject`, { reason: 'again', analyst: 'ana' })).status).toBe(200);
    let history: Record<string, unknown> = {};
    for (let i = 0; i < 50; i++) {
      history = (await get(`/api/watches/${WATCH}/actors/russia/history`)).body;
      if ((history.claims as { claimId: string; status: string }[]).some((c) => c.claimId === claimId && c.status === 'rejected')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((history.claims as { claimId: string; drops: unknown[] }[]).find((c) => c.claimId === claimId)?.drops).toEqual([
      expect.objectContaining({ kind: 'rejected', reason: 'not a statement by Russia', by: 'analyst:ana' }),
    ]);

    // The audit commands, against the same database: while the service runs on a server; on
    // PGlite, whose folder is one process's at a time, once it has stopped (README, "The
    // embedded database").
    if (kind === 'pglite') await service.stop();
    const position = rejected.body.position as number;
    const replay = await runCli(['replay', '--until', String(position - 1), '--json'], env);
    expect(replay.code).toBe(0);
    expect(replay.stderr).toBe(''); // no progress lines in a pipe
    const then = JSON.parse(replay.stdout) as { knownAtPosition: number; watches: StanceAnswer[] };
    expect(then.knownAtPosition).toBe(position - 1);
    expect(then.watches[0]!.stances.find((s) => s.actor === 'russia')?.since?.claim.claimId).toBe(claimId);
    const text = await runCli(['replay', '--until', String(position - 1)], env);
    expect(text.stdout).toMatch(/russia\s+confirm\s+since 2025-04-26/);
    expect((await runCli(['replay'], env)).code).toBe(2);
  });
});
