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
import { readWithNewsboat } from './support/newsboat.js';

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
    for (const entry of atom.entries) expect(entry.id).toMatch(/^tag:stance\.example\.org,2026:((change|claim|claim-dropped)\/[0-9a-f-]{36}|(correction|withdrawal)\/\d+)$/);
    // `updated` is unique and decreasing down the document (newest first).
    const updated = atom.entries.map((e) => Date.parse(e.updated));
    for (let i = 1; i < updated.length; i++) expect(updated[i]!).toBeLessThan(updated[i - 1]!);
    // The only alternate is the page for people: readers take any alternate for the website.
    expect(atom.links.filter((l) => l.rel === 'alternate').map((l) => l.type)).toEqual(['text/html']);
    expect(atom.root.children.find((c) => c.local === 'icon')?.text).toBe(`${PUBLIC_BASE_URL}/assets/icon.svg`);

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
    // Every change of the history API, titled "Actor: from → to", backdated ones labelled as history.
    // Seeds that arrive in separate batches may re-attribute a change to an earlier statement: that
    // is announced as a correction, so compare what the entries say holds now.
    const base = (title: string) => title.replace(/ \(history: said [^;]+; now \w+\)$/, '').replace(/^Correction: (.*?)(, now on other evidence| \(announced as [^)]*\))$/, '$1');
    const holding = [...new Set(json.items.filter((i) => !i.title.startsWith('Withdrawn:')).map((i) => base(i.title)))];
    expect(holding.sort()).toEqual(changes.map((c) => `Russia: ${c.from ?? 'no stance'} → ${c.to}`).sort());
    const confirm = json.items.filter((i) => base(i.title) === 'Russia: neither → confirm').at(-1)!;
    const change = changes.find((c) => c.to === 'confirm')!;
    // The seeds were said in 2024 and 2025 and learned now: history, and the entry says what the stance is now.
    expect(confirm.title).toMatch(/^(Correction: )?Russia: neither → confirm.* \(history: said \d+ \w{3} 2025; now confirm\)$/);
    expect(confirm.content_html).toMatch(/The service learned it on \d+ \w{3} \d{4}, \d\d:\d\d UTC/);
    expect(confirm.summary).toContain(change.claim.quote);
    expect(confirm.content_html).toContain(`<blockquote lang="id"><p>${change.claim.quote.split(/[<>&"']/)[0]}`);
    expect(confirm._stance).toMatchObject({ from: 'neither', to: 'confirm', claim_id: change.claim.claimId, current_stance: 'confirm', changed_current_stance: true });
    // The seeds carry no reachable URL: the entry links our stored copy, which marks the quote.
    const page = await fetch(local(confirm.url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const stored = await page.text();
    expect(stored).toContain(`<mark class="stance-confirm">${change.claim.quote.split(/[<>&"']/)[0]}`);
    expect(stored).toMatch(/<\/mark><sup class="mark-label" lang="en">\[Russia: confirm\]<\/sup>/);
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

  it('archives long histories (RFC 5005) on fixed pages: prev-archive from the feed visits every entry, each page immutable', async () => {
    // FEED_PAGE_SIZE is 4 here, and the seeds make more changes than that.
    const watches = (await (await fetch(`${service.url}/api/watches`)).json()) as { watches: { actors: { id: string }[] }[] };
    const all = await Promise.all(watches.watches[0]!.actors.map((a) => history(a.id)));
    const expected = all.flat().length;
    expect(expected).toBeGreaterThan(4);

    const atomIds: string[] = [];
    let pages = 0;
    for (let url: string | undefined = `${PUBLIC_BASE_URL}/feeds/changes.atom`; url; pages++) {
      const res = await fetch(local(url));
      const xml = await res.text();
      expect(checkAtomFeed(xml)).toEqual([]);
      const doc = atomOf(xml);
      atomIds.push(...doc.entries.map((e) => e.id).filter((id) => !atomIds.includes(id)));
      if (pages > 0) {
        // An archive page says so, points back at the subscription document and forward at the next page.
        expect(doc.archive).toBe(true);
        expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(doc.links.find((l) => l.rel === 'current')?.href).toBe(`${PUBLIC_BASE_URL}/feeds/changes.atom`);
        expect(doc.links.find((l) => l.rel === 'next-archive')?.href).toMatch(/\?page=\d+$/);
        expect(doc.entries).toHaveLength(4);
      }
      url = doc.links.find((l) => l.rel === 'prev-archive')?.href;
    }
    expect(pages).toBeGreaterThan(1);
    expect(atomIds.length).toBeGreaterThanOrEqual(expected);

    const jsonIds: string[] = [];
    for (let url: string | undefined = `${PUBLIC_BASE_URL}/feeds/changes.json`; url; ) {
      const page = (await (await fetch(local(url))).json()) as JsonFeed;
      expect(checkJsonFeed(page)).toEqual([]);
      jsonIds.push(...page.items.map((i) => i.id).filter((id) => !jsonIds.includes(id)));
      url = page.next_url;
    }
    expect(jsonIds).toEqual(atomIds);
    // A page not yet full is no archive.
    expect((await fetchFeed('/feeds/changes.atom?page=9999')).status).toBe(404);
  });

  it('is a short 404 for an unknown watch, actor or feed, and a 400 for a bad page', async () => {
    for (const path of [`/feeds/watches/atlantis/changes.atom`, `/feeds/watches/${WATCH}/actors/atlantis.json`, '/feeds/everything.atom', '/feeds/changes.rss']) {
      const res = await fetchFeed(path);
      const body = await res.text();
      expect([path, res.status]).toEqual([path, 404]);
      expect(body.length).toBeLessThan(200);
    }
    const bad = await fetchFeed('/feeds/changes.atom?page=-3');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/page must be an archive page number/);
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
    // Said in September 2025, learned now: history by the time it is learned.
    expect(top.title).toBe('Russia: confirm → deny (history: said 1 Sep 2025; now deny)');
    expect(top.links.find((l) => l.rel === 'alternate')?.href).toBe('https://example.org/report?a=1&b=2');
    // The quote is text inside the HTML content: escaped once, never markup.
    expect(top.content).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; it never happened.');
    const fp = await parseWithFeedparser(xml);
    expect(fp.bozo).toBe(false);
    expect(fp.entries[0]!.content_values[0]).toContain('&lt;script&gt;');
  });

  it('announces a re-attributed change as one correction entry, keeps archives byte-identical, and moves Last-Modified within one second', async () => {
    const actor = 'ukraine';
    const feed = `/feeds/watches/${WATCH}/actors/${actor}.atom`;
    const now = ((await (await fetch(`${service.url}/api/watches/${WATCH}/actors/${actor}/why`)).json()) as { stance: string | null }).stance;
    const first = now === 'deny' ? 'neither' : 'deny';
    const second = 'confirm';
    const archive = await fetchFeed('/feeds/changes.atom?page=1');
    const archiveBytes = await archive.text();
    expect(archive.status).toBe(200);

    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const post = async (stance: string, saidOn: string, quote: string) => {
      const res = await fetch(`${service.url}/api/admin/claims`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ watch: WATCH, actor, stance, saidOn, quote, url: 'https://example.org/statement', analyst: 'ana' }),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { claimId: string; position: number };
    };
    const versionAfter = async (previous: string) => {
      for (let i = 0; i < 100; i++) {
        const res = await fetchFeed(feed, { 'If-Modified-Since': previous });
        if (res.status === 200) return { lastModified: res.headers.get('last-modified')!, xml: await res.text() };
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('the feed did not change');
    };
    const start = (await fetchFeed(feed)).headers.get('last-modified')!;
    await post(first, day(-2), 'A spokesperson says one thing.');
    const v1 = await versionAfter(start);
    const wrong = await post(second, day(-1), 'A statement later put in the wrong mouth.');
    // Tt-rss sends only If-Modified-Since: the version made right after must still be new to it.
    const v2 = await versionAfter(v1.lastModified);
    expect(Date.parse(v2.lastModified)).toBeGreaterThan(Date.parse(v1.lastModified));
    expect((await fetchFeed(feed, { 'If-Modified-Since': v2.lastModified })).status).toBe(304);
    await post(second, day(0), 'The same position, from the right speaker.');

    // The analyst finds the second statement misattributed: the change now rests on the third.
    const rejected = await fetch(`${service.url}/api/admin/claims/${wrong.claimId}/reject`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ reason: 'misattributed', analyst: 'ana' }),
    });
    expect(rejected.status).toBe(201);
    let xml = '';
    for (let i = 0; i < 100 && !xml.includes('Correction:'); i++) {
      xml = await (await fetchFeed(feed)).text();
      if (!xml.includes('Correction:')) await new Promise((r) => setTimeout(r, 100));
    }
    expect(checkAtomFeed(xml)).toEqual([]);
    const doc = atomOf(xml);
    const title = `Ukraine: ${first} → ${second}`;
    const original = doc.entries.find((e) => e.title === title)!;
    const correction = doc.entries[0]!;
    expect(correction.title).toBe(`Correction: ${title}, now on other evidence`);
    expect(correction.content).toContain(original.id);
    // The withdrawn entry stays (entries are never removed) and an RFC 6721 tombstone names it.
    const tombstones = doc.root.children.filter((c) => c.local === 'deleted-entry');
    expect(tombstones.map((t) => t.attributes.find((a) => a.name === 'ref')?.value)).toContain(original.id);

    // Readers see one correction and no second entry with the original's title.
    const fp = await parseWithFeedparser(xml);
    expect(fp.bozo).toBe(false);
    expect(fp.entries.filter((e) => e.title === title)).toHaveLength(1);
    expect(fp.entries.filter((e) => e.title?.startsWith('Correction:'))).toHaveLength(1);
    const newsboat = readWithNewsboat(`${service.url}${feed}`);
    if (newsboat) {
      expect(newsboat.items.filter((t) => t === title)).toHaveLength(1);
      expect(newsboat.items.filter((t) => t.startsWith('Correction:'))).toHaveLength(1);
      expect(newsboat.website).toBe(`${PUBLIC_BASE_URL}/watches/${WATCH}/actors/${actor}`);
    }

    // The rejection is announced on the current page of the claims feed.
    const claims = (await (await fetchFeed(`/feeds/watches/${WATCH}/claims.json`)).json()) as JsonFeed;
    expect(claims.items[0]!.title).toBe(`Rejected: Ukraine: ${second} (analyst ana)`);
    // The archive page did not change with any of it.
    const after = await fetchFeed('/feeds/changes.atom?page=1');
    expect([after.headers.get('etag'), await after.text()]).toEqual([archive.headers.get('etag'), archiveBytes]);
  }, 60_000);

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
