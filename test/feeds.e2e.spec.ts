// The feeds as a feed reader sees them: a freshly started service with the seeds ingested, real
// HTTP, every document checked by our RFC 4287 / JSON Feed 1.1 checkers and read back by two
// unrelated parsers (rss-parser, and Debian's Python feedparser).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Parser from 'rss-parser';
import { startService } from './support/cli.js';
import { checkAtomFeed, parseXml, type XmlElement } from './support/feed-validity/atom-checker.js';
import { parseWithFeedparser } from './support/feed-validity/feedparser.js';
import { checkJsonFeed } from './support/feed-validity/json-feed-checker.js';
import { createTestDatabase, serverBackends, type TestDatabase } from './support/test-database.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const WATCH = 'dprk-troops-russia';
// Not the address the test reaches the service at: every link must come from configuration.
const PUBLIC_BASE_URL = 'https://stance.example.org';
const FEED_PATHS = [
  '/feeds/changes',
  `/feeds/watches/${WATCH}/changes`,
  `/feeds/watches/${WATCH}/actors/russia`,
  `/feeds/watches/${WATCH}/claims`,
];

interface JsonFeed {
  title: string;
  feed_url: string;
  home_page_url: string;
  next_url?: string;
  items: { id: string; url: string; title: string; summary: string; date_modified: string; date_published: string; content_html: string; _stance: Record<string, unknown> }[];
}

interface HistoryChange {
  from: string | null;
  to: string;
  knownAtPosition: number;
  claim: { claimId: string; quote: string };
}

/** An Atom document's entries and links, read with the checker's XML parser (not the service's code). */
function atomOf(xml: string) {
  const { root, errors } = parseXml(xml);
  expect(errors).toEqual([]);
  const children = (el: XmlElement, local: string) => el.children.filter((c) => c.local === local);
  const text = (el: XmlElement, local: string) => children(el, local)[0]?.text.trim() ?? null;
  const links = (el: XmlElement) =>
    children(el, 'link').map((l) => Object.fromEntries(l.attributes.map((a) => [a.name, a.value])) as Record<string, string>);
  return {
    root: root!,
    lang: root!.attributes.find((a) => a.name === 'xml:lang')?.value,
    archive: root!.children.some((c) => c.local === 'archive'),
    links: links(root!),
    entries: children(root!, 'entry').map((e) => ({
      id: text(e, 'id')!,
      title: text(e, 'title')!,
      updated: new Date(text(e, 'updated')!).toISOString(),
      published: new Date(text(e, 'published')!).toISOString(),
      content: text(e, 'content')!,
      links: links(e),
    })),
  };
}

describe.each(serverBackends.length > 0 ? serverBackends : (['pglite'] as const))('the feeds on %s', (kind) => {
  let database: TestDatabase | undefined;
  let dataDir: string;
  let env: Record<string, string>;
  let service: Awaited<ReturnType<typeof startService>>;
  /** A URL the service handed out, fetched from where the test reaches the service. */
  const local = (url: string) => url.replace(PUBLIC_BASE_URL, service.url);
  const fetchFeed = (path: string, headers: Record<string, string> = {}) => fetch(`${service.url}${path}`, { headers });
  const history = async (actor: string) =>
    ((await (await fetch(`${service.url}/api/watches/${WATCH}/actors/${actor}/history`)).json()) as { changes: HistoryChange[] }).changes;
  const start = () =>
    startService({ ...env, ADMIN_TOKEN, PUBLIC_BASE_URL, FEED_ID_AUTHORITY: 'stance.example.org,2026', FEED_PAGE_SIZE: '4' });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'feeds-'));
    if (kind === 'postgres') database = await createTestDatabase('postgres');
    env = database ? { DATABASE_URL: database.url! } : { DATA_DIR: dataDir };
    service = await start();
    // The seeds are ingested, extracted and projected in the background after start.
    for (let i = 0; i < 150 && (await history('russia')).length < 3; i++) await new Promise((r) => setTimeout(r, 200));
  }, 60_000);
  afterAll(async () => {
    await service?.stop();
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it.each(FEED_PATHS)('%s.atom and .json are valid and read back the same by rss-parser and feedparser', async (path) => {
    const atomRes = await fetchFeed(`${path}.atom`);
    expect(atomRes.status).toBe(200);
    expect(atomRes.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await atomRes.text();
    expect(checkAtomFeed(xml)).toEqual([]);
    const atom = atomOf(xml);
    expect(atom.lang).toBe('en');
    expect(atom.links.find((l) => l.rel === 'self')?.href).toBe(`${PUBLIC_BASE_URL}${path}.atom`);
    expect(atom.entries.length).toBeGreaterThan(0);
    for (const entry of atom.entries) expect(entry.id).toMatch(/^tag:stance\.example\.org,2026:(change|claim)\/[0-9a-f-]{36}$/);

    const jsonRes = await fetchFeed(`${path}.json`);
    expect(jsonRes.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const json = (await jsonRes.json()) as JsonFeed;
    expect(checkJsonFeed(json)).toEqual([]);
    expect(json.feed_url).toBe(`${PUBLIC_BASE_URL}${path}.json`);
    // Both formats point people at the same page of the board, and that page exists.
    const page = atom.links.find((l) => l.rel === 'alternate' && l.type === 'text/html')?.href;
    expect(json.home_page_url).toBe(page);
    const pageRes = await fetch(local(page!));
    expect([pageRes.status, pageRes.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    // The same entries, with the same titles, links and dates, in both formats.
    const fromAtom = atom.entries.map((e) => ({ id: e.id, title: e.title, link: e.links.find((l) => l.rel === 'alternate')!.href, updated: e.updated }));
    expect(json.items.map((i) => ({ id: i.id, title: i.title, link: i.url, updated: i.date_modified }))).toEqual(fromAtom);

    const parsed = await new Parser().parseString(xml);
    // rss-parser's date of an Atom entry is its published date.
    expect(parsed.items.map((i) => ({ id: i.id, title: i.title, link: i.link, published: new Date(i.isoDate!).toISOString() }))).toEqual(
      atom.entries.map((e, n) => ({ id: e.id, title: e.title, link: fromAtom[n]!.link, published: e.published })),
    );
    const fp = await parseWithFeedparser(xml);
    expect([fp.bozo, fp.bozo_exception]).toEqual([false, null]);
    expect(fp.feed.language).toBe('en');
    expect(fp.entries.map((e) => ({ id: e.id, title: e.title, link: e.link, updated: e.updated_parsed }))).toEqual(
      fromAtom.map((e) => ({ ...e, updated: e.updated.replace(/\.\d{3}Z$/, 'Z') })),
    );
  });

  it('shows each seed stance change with a readable title, the quote, the previous stance and working links', async () => {
    const json = (await (await fetchFeed(`/feeds/watches/${WATCH}/actors/russia.json`)).json()) as JsonFeed;
    const changes = await history('russia');
    // Every change of the history API, newest known first, titled "Actor: from → to".
    expect(json.items.map((i) => i.title).sort()).toEqual(changes.map((c) => `Russia: ${c.from ?? 'no stance'} → ${c.to}`).sort());
    expect(json.items.map((i) => i.title)).toContain('Russia: neither → confirm');
    const confirm = json.items.find((i) => i.title === 'Russia: neither → confirm')!;
    const change = changes.find((c) => c.to === 'confirm')!;
    expect(confirm.content_html).toContain('Previous stance: neither');
    expect(confirm.summary).toContain(change.claim.quote);
    expect(confirm.content_html).toContain(`<blockquote lang="id"><p>${change.claim.quote.split(/[<>&"']/)[0]}`);
    expect(confirm._stance).toMatchObject({ from: 'neither', to: 'confirm', claim_id: change.claim.claimId, known_at_position: change.knownAtPosition });
    // The seeds carry no reachable URL: the entry links our stored copy, which marks the quote.
    const page = await fetch(local(confirm.url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toMatch(/<mark title="Russia: confirm">/);
    const why = await fetch(local(confirm._stance.why_url as string));
    expect(why.status).toBe(200);
    expect(((await why.json()) as { stance: string }).stance).toBe('confirm');
  });

  it('answers re-polls with 304 by ETag or date, and takes its dates from the data, not the clock', async () => {
    const path = `/feeds/watches/${WATCH}/changes.atom`;
    const first = await fetchFeed(path);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"p\d+-[0-9a-f]+(-gz)?"$/); // strong: no W/
    expect(first.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(first.headers.get('vary')).toBe('Accept-Encoding');
    const body = await first.text();
    expect(new Date(lastModified).toISOString().slice(0, 19)).toBe(atomOf(body).root.children.find((c) => c.local === 'updated')!.text.slice(0, 19));

    const head = await fetch(`${service.url}${path}`, { method: 'HEAD' });
    expect([head.status, head.headers.get('etag'), await head.text()]).toEqual([200, etag, '']);

    const byEtag = await fetchFeed(path, { 'If-None-Match': etag });
    expect([byEtag.status, await byEtag.text()]).toEqual([304, '']);
    expect(byEtag.headers.get('etag')).toBe(etag);
    // Asked again, the same answer comes from the memo of answers: same headers, its own request id.
    const again304 = await fetchFeed(path, { 'If-None-Match': etag });
    expect([again304.status, again304.headers.get('etag'), again304.headers.get('last-modified')]).toEqual([304, etag, byEtag.headers.get('last-modified')]);
    expect(again304.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(again304.headers.get('x-request-id')).not.toBe(byEtag.headers.get('x-request-id'));
    expect((await fetchFeed(path, { 'If-None-Match': `"other", ${etag}` })).status).toBe(304);
    expect((await fetchFeed(path, { 'If-None-Match': '"p1-000000000000"' })).status).toBe(200);
    expect((await fetchFeed(path, { 'If-Modified-Since': lastModified })).status).toBe(304);
    expect((await fetchFeed(path, { 'If-Modified-Since': new Date(Date.parse(lastModified) - 60_000).toUTCString() })).status).toBe(200);

    // A second later the bytes are the same: nothing in them is the time of the request.
    await new Promise((r) => setTimeout(r, 1100));
    const again = await fetchFeed(path);
    expect([again.headers.get('etag'), await again.text()]).toEqual([etag, body]);
  });

  it('compresses with gzip when asked, as another representation of the same bytes', async () => {
    const path = `/feeds/changes.json`;
    const plain = Buffer.from(await (await fetchFeed(path)).arrayBuffer());
    // fetch() would decode gzip itself: ask with node:http semantics through a raw request instead.
    const { request } = await import('node:http');
    const gz = await new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
      request(`${service.url}${path}`, { headers: { 'Accept-Encoding': 'gzip, deflate' } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.length).toBeLessThan(plain.length);
    expect(gunzipSync(gz.body).equals(plain)).toBe(true);
    expect(gz.headers.etag).toMatch(/-gz"$/);
  });

  it('pages long histories (RFC 5005) so that following next / next_url visits every entry once', async () => {
    // FEED_PAGE_SIZE is 4 here, and the seeds make more changes than that.
    const watches = (await (await fetch(`${service.url}/api/watches`)).json()) as { watches: { actors: { id: string }[] }[] };
    const all = await Promise.all(watches.watches[0]!.actors.map((a) => history(a.id)));
    const expected = all.flat().length;
    expect(expected).toBeGreaterThan(4);

    const atomIds: string[] = [];
    let pages = 0;
    for (let url: string | undefined = `${PUBLIC_BASE_URL}/feeds/changes.atom`; url; pages++) {
      const xml = await (await fetch(local(url))).text();
      expect(checkAtomFeed(xml)).toEqual([]);
      const doc = atomOf(xml);
      atomIds.push(...doc.entries.map((e) => e.id));
      const next = doc.links.find((l) => l.rel === 'next')?.href;
      expect(doc.links.find((l) => l.rel === 'prev-archive')?.href).toBe(next);
      if (pages > 0) {
        // An archive page says so, and points back at the subscription document.
        expect(doc.archive).toBe(true);
        expect(doc.links.find((l) => l.rel === 'current')?.href).toBe(`${PUBLIC_BASE_URL}/feeds/changes.atom`);
      }
      url = next;
    }
    expect(pages).toBeGreaterThan(1);
    expect(new Set(atomIds).size).toBe(atomIds.length);
    expect(atomIds.length).toBeGreaterThanOrEqual(expected);

    const jsonIds: string[] = [];
    for (let url: string | undefined = `${PUBLIC_BASE_URL}/feeds/changes.json`; url; ) {
      const page = (await (await fetch(local(url))).json()) as JsonFeed;
      expect(checkJsonFeed(page)).toEqual([]);
      jsonIds.push(...page.items.map((i) => i.id));
      url = page.next_url;
    }
    expect(jsonIds).toEqual(atomIds);
  });

  it('is a short 404 for an unknown watch, actor or feed, and a 400 for a bad page', async () => {
    for (const path of [`/feeds/watches/atlantis/changes.atom`, `/feeds/watches/${WATCH}/actors/atlantis.json`, '/feeds/everything.atom', '/feeds/changes.rss']) {
      const res = await fetchFeed(path);
      const body = await res.text();
      expect([path, res.status]).toEqual([path, 404]);
      expect(body.length).toBeLessThan(200);
    }
    const bad = await fetchFeed('/feeds/changes.atom?before=-3');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/before must be a log position/);
  });

  it('puts a new change on top with a new ETag, its article text escaped and control characters removed', async () => {
    const path = `/feeds/watches/${WATCH}/actors/russia.atom`;
    const before = await fetchFeed(path);
    const etag = before.headers.get('etag')!;
    await before.text();
    const quote = 'Russia now says <script>alert("x")</script> & ]]> it never happened\u0001\u0007.';
    const recorded = await fetch(`${service.url}/api/admin/claims`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ watch: WATCH, actor: 'russia', stance: 'deny', saidOn: '2025-09-01', quote, url: 'https://example.org/report?a=1&b=2', analyst: 'ana' }),
    });
    expect(recorded.status).toBe(201);
    let res = await fetchFeed(path, { 'If-None-Match': etag });
    for (let i = 0; i < 50 && res.status === 304; i++) {
      await new Promise((r) => setTimeout(r, 200));
      res = await fetchFeed(path, { 'If-None-Match': etag });
    }
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).not.toBe(etag);
    const xml = await res.text();
    expect(checkAtomFeed(xml)).toEqual([]);
    expect(xml).not.toMatch(/[\u0001\u0007]/);
    const top = atomOf(xml).entries[0]!;
    expect(top.title).toBe('Russia: confirm → deny');
    expect(top.links.find((l) => l.rel === 'alternate')?.href).toBe('https://example.org/report?a=1&b=2');
    // The quote is text inside the HTML content: escaped once, never markup.
    expect(top.content).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; it never happened.');
    const fp = await parseWithFeedparser(xml);
    expect(fp.bozo).toBe(false);
    expect(fp.entries[0]!.content_values[0]).toContain('&lt;script&gt;');
  });

  it('keeps entry ids and bytes across a restart', async () => {
    const path = '/feeds/changes.atom';
    const before = await fetchFeed(path);
    const body = await before.text();
    await service.stop();
    service = await start();
    const after = await fetchFeed(path);
    expect([after.headers.get('etag'), await after.text()]).toEqual([before.headers.get('etag'), body]);
  }, 60_000);
});
