// Sources through the admin API as an operator uses them: a feed added with credentials in its
// URL never shows them (API, page, error texts), and a source can be paused, resumed and removed,
// which the scheduler respects. On PGlite and on the server.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SourcesService } from '../src/sources/sources.service.js';
import { startLocalHttpServer, type LocalHttpServer } from '../src/sources/http/testing/local-http-server.js';
import { startInProcessService, TEST_ADMIN_TOKEN, type InProcessService } from './support/in-process-service.js';
import { backends } from './support/test-database.js';

const SECRETS = ['s3cret-pass', 'key-4f9a0b', 'tok-77aa01', 'sig-0b0b0b'];
const PRIVATE_PATH = `/private.xml?lang=id&api_key=${SECRETS[1]}&access_token=${SECRETS[2]}&sig=${SECRETS[3]}`;
const FAILING_PATH = `/failing.xml?token=${SECRETS[2]}`;

for (const kind of backends) {
  describe(`source administration on ${kind === 'postgres' ? 'postgres' : 'pglite'}`, () => {
    let service: InProcessService;
    let feeds: LocalHttpServer;
    let fetches = 0;
    let authorization: string | undefined;

    beforeAll(async () => {
      feeds = await startLocalHttpServer({
        [PRIVATE_PATH]: (req, res) => {
          fetches++;
          authorization = req.headers.authorization;
          res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
          res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Private wire</title><link>https://wire.example/</link></channel></rss>');
        },
        // Fails naming its own address with the token in it, as a misbehaving server might.
        [FAILING_PATH]: (req, res) => void res.writeHead(302, { Location: `http://[${req.url}` }).end(),
      });
      service = await startInProcessService(kind, { ALLOW_PRIVATE_SOURCES: 'true' });
    }, 180_000);
    afterAll(async () => {
      await service?.stop();
      await feeds?.close();
    });

    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${service.url}${path}`, {
        method,
        headers: { Authorization: `Bearer ${TEST_ADMIN_TOKEN}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const listed = async () => ((await (await fetch(`${service.url}/api/sources`)).json()) as { sources: { id: string; location: string; state: string; lastError: string | null }[] }).sources;

    it('never shows the credentials of a feed URL, on the API, the page or in error texts', async () => {
      const secretUrl = feeds.url(PRIVATE_PATH).replace('http://', `http://ana:${SECRETS[0]}@`);
      const added = await admin('POST', '/api/admin/sources', { url: secretUrl, title: 'Private wire' });
      expect(added.status).toBe(201);
      const failing = await admin('POST', '/api/admin/sources', { url: feeds.url(FAILING_PATH) });
      expect(failing.status).toBe(201);
      const addedText = JSON.stringify(await added.json()) + JSON.stringify(await failing.json());

      // The poller still uses the full location: the feed is fetched with it.
      const reports = await service.app.get(SourcesService).pollDue();
      expect(reports.filter((r) => r.ok).map((r) => r.status)).toEqual([expect.stringMatching(/^200 rss/)]);
      expect(fetches).toBe(1);
      expect(authorization).toBe(`Basic ${Buffer.from(`ana:${SECRETS[0]}`).toString('base64')}`);

      const api = await (await fetch(`${service.url}/api/sources`)).text();
      const page = await (await fetch(`${service.url}/sources`, { headers: { Accept: 'text/html' } })).text();
      for (const secret of SECRETS) {
        expect({ secret, inAdded: addedText.includes(secret), inApi: api.includes(secret), inPage: page.includes(secret) }).toEqual({ secret, inAdded: false, inApi: false, inPage: false });
      }
      const sources = await listed();
      expect(sources.map((s) => s.location)).toEqual(
        expect.arrayContaining([expect.stringMatching(/^http:\/\/\*\*\*:\*\*\*@127\.0\.0\.1:\d+\/private\.xml\?lang=id&api_key=\*\*\*&access_token=\*\*\*&sig=\*\*\*$/)]),
      );
      const failed = sources.find((s) => s.location.includes('failing'));
      expect(failed?.state).toBe('failing');
      expect(failed?.lastError).toMatch(/failing\.xml\?token=\*\*\*/); // the error quotes the address, redacted
    });

    it('pauses a source so the scheduler skips it, resumes it due at once, and removes it', async () => {
      const id = (await listed()).find((s) => s.location.includes('private.xml'))!.id;
      // Resumed first, so that it is due now: only the pause keeps it from being polled.
      expect((await admin('POST', `/api/admin/sources/${id}/resume`)).status).toBe(200);
      const paused = await admin('POST', `/api/admin/sources/${id}/pause`);
      expect(paused.status).toBe(200);
      expect(((await paused.json()) as { source: { state: string } }).source.state).toBe('paused');
      expect((await listed()).find((s) => s.id === id)?.state).toBe('paused');
      expect(await (await fetch(`${service.url}/sources`)).text()).toMatch(new RegExp(`data-source="${id}" data-state="paused"`));

      const before = fetches;
      const polled = await service.app.get(SourcesService).pollDue();
      expect(polled.map((r) => r.sourceId)).not.toContain(id);
      expect(fetches).toBe(before);

      const resumed = await admin('POST', `/api/admin/sources/${id}/resume`);
      expect(resumed.status).toBe(200);
      expect(((await resumed.json()) as { source: { state: string } }).source.state).not.toBe('paused');
      expect((await service.app.get(SourcesService).pollDue()).map((r) => r.sourceId)).toContain(id);
      expect(fetches).toBe(before + 1);

      expect((await admin('DELETE', `/api/admin/sources/${id}`)).status).toBe(204);
      expect((await listed()).map((s) => s.id)).not.toContain(id);
      expect((await admin('DELETE', `/api/admin/sources/${id}`)).status).toBe(404);
      expect((await admin('POST', `/api/admin/sources/${id}/pause`)).status).toBe(404);
    });

    it('keeps pause, resume and remove behind the admin token', async () => {
      const id = (await listed())[0]!.id;
      for (const [method, path] of [['DELETE', `/api/admin/sources/${id}`], ['POST', `/api/admin/sources/${id}/pause`], ['POST', `/api/admin/sources/${id}/resume`]] as const) {
        expect({ path, status: (await fetch(`${service.url}${path}`, { method })).status }).toEqual({ path, status: 401 });
      }
      expect((await listed()).map((s) => s.id)).toContain(id);
    });
  });
}
