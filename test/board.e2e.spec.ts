// The stance board in a real browser (Debian's Chromium driven by playwright-core) against the
// built service on the seeds: the stances and timelines a person sees, the click through to the
// evidence, a claim arriving live, hostile text shown as text, and a phone-width layout.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startService } from './support/cli.js';
import { createTestDatabase, serverBackends, type TestDatabase } from './support/test-database.js';

const ADMIN_TOKEN = 'test-admin-token-0123456789';
const WATCH = 'dprk-troops-russia';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const BROWSER_REQUIRED = Boolean(process.env.CI) || process.env.REQUIRE_BROWSER === '1';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** axe-core's browser build, injected into each page checked. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Live updates arrive within a projection batch; this only bounds a test that would hang. */
const LIVE_TIMEOUT_MS = 20_000;

interface StanceAnswer {
  stances: { actor: string; name: string; stance: string | null; since: { effectiveOn: { to: string }; claim: { quote: string } } | null }[];
}

if (!HAVE_CHROMIUM && !BROWSER_REQUIRED) {
  console.warn(
    `\n*** BROWSER TESTS SKIPPED: no Chromium at ${CHROMIUM}. Install it (apt-get install chromium) or set CHROMIUM_PATH; CI and REQUIRE_BROWSER=1 make this a failure. ***\n`,
  );
}
const describeWithBrowser = HAVE_CHROMIUM || BROWSER_REQUIRED ? describe : describe.skip;

describe.each(serverBackends.length > 0 ? serverBackends : (['pglite'] as const))('the stance board on %s', (kind) => {
  let database: TestDatabase | undefined;
  let dataDir: string;
  let service: Awaited<ReturnType<typeof startService>>;
  let browser: Browser;
  let context: BrowserContext;
  let day = 1;

  const stances = async (): Promise<StanceAnswer> => (await (await fetch(`${service.url}/api/watches/${WATCH}/stances`)).json()) as StanceAnswer;
  /** Records an analyst's claim dated after every seed, so it sets the actor's stance now. */
  const adminClaim = async (actor: string, stance: string, quote: string) => {
    const res = await fetch(`${service.url}/api/admin/claims`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ watch: WATCH, actor, stance, saidOn: `2025-06-${String(day++).padStart(2, '0')}`, quote, speaker: 'Analyst desk', url: 'https://news.example.org/report', analyst: 'ana' }),
    });
    expect(res.status).toBe(201);
  };
  const openPage = async (path: string, width = 1280): Promise<Page> => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${service.url}${path}`);
    return page;
  };
  const pageWidth = (page: Page) => page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]') as Promise<[number, number]>;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'board-'));
    if (kind === 'postgres') database = await createTestDatabase('postgres');
    service = await startService({ ...(database ? { DATABASE_URL: database.url! } : { DATA_DIR: dataDir }), ADMIN_TOKEN });
    // The seeds are ingested, extracted and projected in the background after start.
    for (let i = 0; i < 150; i++) {
      if ((await stances()).stances.find((s) => s.actor === 'russia')?.stance === 'confirm') break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 90_000);
  afterAll(async () => {
    await service?.stop();
    await database?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('serves pages with a strict content security policy, feed discovery links and an HTML 404', async () => {
    const board = await fetch(`${service.url}/`);
    expect(board.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await board.text();
    expect(html).toContain('<link rel="alternate" type="application/atom+xml" title="Every stance change (Atom)" href="/feeds/changes.atom">');
    expect(html).toContain('type="application/feed+json"');
    const actorPage = await (await fetch(`${service.url}/watches/${WATCH}/actors/russia`)).text();
    expect(actorPage).toContain(`href="/feeds/watches/${WATCH}/actors/russia.atom"`);
    const missing = await fetch(`${service.url}/watches/${WATCH}/actors/atlantis`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await missing.text()).toContain('has no actor');
    expect((await fetch(`${service.url}/watches/atlantis/actors/russia`)).status).toBe(404);
    const badCursor = await fetch(`${service.url}/watches/${WATCH}/actors/russia?limit=0`);
    expect(badCursor.status).toBe(400);
    const script = /<script src="([^"]+)"/.exec(html)![1]!;
    const asset = await fetch(`${service.url}${script}`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('answers pages and stance answers with a strong ETag, and 304 to a client that has them', async () => {
    const stancesPath = `/api/watches/${WATCH}/stances`;
    for (const path of ['/', `/watches/${WATCH}/actors/russia`, stancesPath, `/api/watches/${WATCH}/actors/russia/history?limit=2`, `/api/watches/${WATCH}/actors/russia/why`]) {
      const first = await fetch(`${service.url}${path}`);
      expect({ path, status: first.status }).toEqual({ path, status: 200 });
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[^"]+"$/); // strong
      const body = await first.text();
      const again = await fetch(`${service.url}${path}`, { headers: { 'If-None-Match': etag! } });
      // The projection may have moved in between (seeds still arriving): then a new answer.
      if (again.status === 200) expect(again.headers.get('etag')).not.toBe(etag);
      else expect({ path, status: again.status, body: await again.text() }).toEqual({ path, status: 304, body: '' });
      expect(body.length).toBeGreaterThan(0);
    }
    // The stored copy has the board's headers.
    const russia = (await stances()).stances.find((s) => s.actor === 'russia')!;
    const boardResponse = await fetch(`${service.url}/`);
    const page = await boardResponse.text();
    const documentPath = /href="(\/documents\/[^"]+)"/.exec(page)![1]!;
    const stored = await fetch(`${service.url}${documentPath}`);
    expect(stored.headers.get('content-security-policy')).toBe(boardResponse.headers.get('content-security-policy'));
    expect(stored.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await stored.text()).toContain('<a href="/">Board</a>');
    expect(russia.stance).toBe('confirm');
  });

  it('pages the history with next links, each page at most its limit, none repeated', async () => {
    const seen: string[] = [];
    let next: string | null = `${service.url}/api/watches/${WATCH}/actors/russia/history?limit=2`;
    let total = 0;
    for (let guard = 0; next && guard < 50; guard++) {
      const body = (await (await fetch(next)).json()) as { claims: { claimId: string }[]; counts: { claims: number }; page: { next: string | null } };
      expect(body.claims.length).toBeLessThanOrEqual(2);
      seen.push(...body.claims.map((c) => c.claimId));
      total = body.counts.claims;
      next = body.page.next;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(seen.length);
    const tooMany = await fetch(`${service.url}/api/watches/${WATCH}/actors/russia/history?limit=101`);
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { message: string }).message).toMatch(/limit/);
  });

  describeWithBrowser('in Chromium', () => {
    beforeAll(async () => {
      if (!HAVE_CHROMIUM) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      context = await browser.newContext();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
    });

    it('shows each actor’s stance as the API states it, since when, with the quote behind it', async () => {
      const answer = await stances();
      // The seeds' known outcome (fixtures/eval gold): Russia confirms now.
      expect(answer.stances.find((s) => s.actor === 'russia')?.stance).toBe('confirm');
      const page = await openPage('/');
      for (const actor of answer.stances) {
        const row = page.locator(`tr[data-actor="${actor.actor}"]`);
        await expect(row.getAttribute('data-stance')).resolves.toBe(actor.stance ?? 'none');
        await expect(row.locator('.stance').innerText()).resolves.toContain(actor.stance ?? 'no claim yet');
        await expect(row.locator('th').innerText()).resolves.toContain(actor.name);
        if (actor.since) {
          await expect(row.locator('.since time').first().getAttribute('datetime')).resolves.toBe(actor.since.effectiveOn.to);
          await expect(row.locator('blockquote').innerText()).resolves.toBe(actor.since.claim.quote);
        }
      }
      await mkdir('test-results', { recursive: true });
      await page.screenshot({ path: 'test-results/board.png', fullPage: true });
      await page.close();
    });

    it('draws Russia’s timeline as deny, then neither, then confirm, on the board and on its page', async () => {
      const segments = (page: Page, scope: string) => page.locator(`${scope} svg.timeline rect.segment`).evaluateAll((rects) => rects.map((r) => r.getAttribute('data-stance')));
      const board = await openPage('/');
      await expect(segments(board, 'tr[data-actor="russia"]')).resolves.toEqual(['deny', 'neither', 'confirm']);
      await board.close();
      const actor = await openPage(`/watches/${WATCH}/actors/russia`);
      await expect(segments(actor, 'main')).resolves.toEqual(['deny', 'neither', 'confirm']);
      // Its text alternative says the same in words.
      await expect(actor.locator('svg.timeline desc').textContent()).resolves.toMatch(/deny from .*neither from .*confirm from .*\(current\)/);
      await actor.close();
    });

    it('follows a quote’s link to the article, with the quote in it', async () => {
      const quote = (await stances()).stances.find((s) => s.actor === 'russia')!.since!.claim.quote;
      const page = await openPage('/');
      await page.locator('tr[data-actor="russia"] a.evidence').click();
      await page.waitForURL(/\/documents\//);
      await expect(page.locator('article').innerText()).resolves.toContain(quote);
      // The stored copy marks the sentence the claim was read from.
      await expect(page.locator('article mark').allInnerTexts()).resolves.toContain(quote);
      await page.close();
    });

    it('shows a claim injected by an analyst live, without a reload', async () => {
      const page = await openPage('/');
      await page.locator('[data-live-status][data-state="live"]').waitFor({ timeout: LIVE_TIMEOUT_MS });
      await page.evaluate('window.__sameDocument = true');
      const before = await page.locator('tr[data-actor="nato"]').getAttribute('data-stance');
      const next = before === 'deny' ? 'confirm' : 'deny';
      const quote = `NATO now says ${next}, live test ${Date.now()}.`;
      await adminClaim('nato', next, quote);
      const row = page.locator(`tr[data-actor="nato"][data-stance="${next}"]`);
      await row.waitFor({ timeout: LIVE_TIMEOUT_MS });
      await expect(row.locator('blockquote').innerText()).resolves.toBe(quote);
      await expect(page.evaluate('window.__sameDocument')).resolves.toBe(true);
      await page.waitForFunction(`document.getElementById('announcer').textContent.includes('NATO: ${before} → ${next}')`, undefined, { timeout: LIVE_TIMEOUT_MS });
      await page.close();
    });

    it('renders a quote holding <script> as text, and runs none of it', async () => {
      const quote = `<script>window.__pwned = true</script> "Quoted" & 'single' <b>bold</b>`;
      const page = await openPage('/');
      await page.locator('[data-live-status][data-state="live"]').waitFor({ timeout: LIVE_TIMEOUT_MS });
      const before = await page.locator('tr[data-actor="usa"]').getAttribute('data-stance');
      const next = before === 'deny' ? 'confirm' : 'deny';
      await adminClaim('usa', next, quote);
      const row = page.locator(`tr[data-actor="usa"][data-stance="${next}"]`);
      await row.waitFor({ timeout: LIVE_TIMEOUT_MS });
      await expect(row.locator('blockquote').innerText()).resolves.toBe(quote);
      const actorPage = await openPage(`/watches/${WATCH}/actors/usa`);
      await expect(actorPage.locator('.history blockquote', { hasText: 'window.__pwned' }).innerText()).resolves.toBe(quote);
      for (const shown of [page, actorPage]) {
        await expect(shown.locator('main script, main b').count()).resolves.toBe(0);
        await expect(shown.evaluate('window.__pwned')).resolves.toBeUndefined();
        await shown.close();
      }
    });

    it('fits a 375 px phone screen without scrolling sideways', async () => {
      for (const path of ['/', `/watches/${WATCH}/actors/russia`, '/sources']) {
        const page = await openPage(path, 375);
        const [scrollWidth, clientWidth] = await pageWidth(page);
        expect({ path, scrollWidth }).toEqual({ path, scrollWidth: clientWidth });
        await page.close();
      }
    });

    it('has no serious or critical accessibility violation on any page (axe-core)', async () => {
      const board = await (await fetch(`${service.url}/`)).text();
      const documentPath = /href="(\/documents\/[^"]+)"/.exec(board)![1]!;
      // The pages forbid inline scripts: this context lets the test inject axe.
      const axeContext = await browser.newContext({ bypassCSP: true });
      for (const path of ['/', `/watches/${WATCH}/actors/russia`, '/sources', documentPath]) {
        const page = await axeContext.newPage();
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${service.url}${path}`);
        await page.addScriptTag({ content: AXE_SOURCE });
        const violations = (await page.evaluate('axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))')) as AxeViolation[];
        const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect({ path, serious }).toEqual({ path, serious: [] });
        await page.close();
      }
      await axeContext.close();
    });

    it('shows a timeline mark’s quote on keyboard focus and on a first tap, not only on hover', async () => {
      const page = await openPage(`/watches/${WATCH}/actors/russia`);
      const label = (await page.locator('svg.timeline a.claim-mark[data-claim-id]').first().getAttribute('aria-label'))!;
      expect(label).toMatch(/“.+”/);
      // Tab reaches the marks: focus the link before the chart, then Tab into it.
      await page.locator('.crumbs a').focus();
      const onSingleMark = 'Boolean(document.activeElement?.matches?.("a.claim-mark[data-claim-id]"))';
      for (let i = 0; i < 40 && !(await page.evaluate(onSingleMark)); i++) await page.keyboard.press('Tab');
      await expect(page.evaluate('document.activeElement.getAttribute("aria-label")')).resolves.toMatch(/“.+”/);
      await expect(page.locator('.mark-tip').isVisible()).resolves.toBe(true);
      await page.close();
      // A phone: the first tap shows the words and stays on the page.
      const phone = await browser.newContext({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
      const touchPage = await phone.newPage();
      await touchPage.goto(`${service.url}/watches/${WATCH}/actors/russia`);
      const url = touchPage.url();
      await touchPage.locator('svg.timeline a.claim-mark[data-claim-id]').first().tap();
      await expect(touchPage.locator('.mark-tip').innerText()).resolves.toBe(label);
      expect(touchPage.url()).toBe(url);
      await phone.close();
    });

    it('lists each source with its state, as the sources API reports it', async () => {
      const { sources } = (await (await fetch(`${service.url}/api/sources`)).json()) as { sources: { id: string; state: string; consecutiveFailures: number }[] };
      expect(sources.length).toBeGreaterThan(0);
      const page = await openPage('/sources');
      for (const source of sources) {
        const row = page.locator(`tr[data-source="${source.id}"]`);
        await expect(row.locator('[data-label="State"]').innerText()).resolves.toContain(source.state);
        await expect(row.locator('[data-label="Failures in a row"]').innerText()).resolves.toBe(String(source.consecutiveFailures));
      }
      await page.close();
    });
  });
});
