import { describe, expect, it } from '@jest/globals';
import { PublicLinks } from '../../domain/public-links.js';
import type { SaidOn } from '../../domain/vocabulary.js';
import { actorMain, type ActorHistory } from './actor-page.js';
import { boardMain, type BoardWatch } from './board-page.js';
import type { BoardClaim } from './format.js';
import { renderPage } from './layout.js';
import { displayState, sourcesMain, type SourceHealth } from './sources-page.js';

const links = new PublicLinks('');
const HOSTILE = `<script>alert("x")</script> 'quoted' & "double"`;
const ESCAPED = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &#39;quoted&#39; &amp; &quot;double&quot;';
const saidOn: SaidOn = { from: '2025-04-26', to: '2025-04-26', precision: 'day', basis: 'Pada <26> April' };

function claim(overrides: Partial<BoardClaim> = {}): BoardClaim {
  return {
    claimId: 'claim-1',
    stance: 'confirm',
    speaker: HOSTILE,
    quote: HOSTILE,
    saidOn,
    url: 'https://fixtures.stance-monitor.invalid/articles/001',
    documentId: 'doc-1',
    document: { outlet: `Outlet ${HOSTILE}`, title: 'T', published: '2025-04-28', language: 'id', url: 'https://fixtures.stance-monitor.invalid/articles/001' },
    position: 12,
    ...overrides,
  };
}

function watch(overrides: Partial<BoardWatch> = {}): BoardWatch {
  const c = claim();
  return {
    id: 'w',
    proposition: `Troops ${HOSTILE}`,
    stances: [
      { actor: 'russia', name: 'Russia', stance: 'confirm', since: { from: 'neither', to: 'confirm', effectiveOn: saidOn, claim: c } },
      { actor: 'nato', name: `NATO ${HOSTILE}`, stance: null, since: null },
    ],
    span: { first: saidOn.to, last: saidOn.to },
    charts: new Map([
      ['russia', { name: 'Russia', unit: 'day' as const, claims: 1, periodEnds: [{ bucket: saidOn.to, stance: 'confirm' as const, day: saidOn.to, changes: 1 }], marks: [{ bucket: saidOn.to, stance: 'confirm' as const, claims: 1, dropped: 0, changes: 1, firstDay: saidOn.to, lastDay: saidOn.to, claim: c }] }],
      ['nato', { name: 'NATO', unit: 'day' as const, claims: 0, periodEnds: [], marks: [] }],
    ]),
    latest: new Map([['russia', [{ ...c, dropped: false }]]]),
    ...overrides,
  };
}

/** Every `<tag` in the HTML, outside what escaping turned into text. */
const tags = (html: string) => [...html.matchAll(/<([a-z]+)[\s>/]/gi)].map((m) => m[1]!.toLowerCase());

describe('the board', () => {
  const html = boardMain([watch()], links);

  it('shows each actor’s stance as a word, since when, and the quote behind it', () => {
    const row = (actor: string) => html.slice(html.indexOf(`data-actor="${actor}"`)).split('</tr>')[0]!;
    expect(row('russia')).toContain('data-stance="confirm"');
    expect(row('russia')).toMatch(/stance-confirm[^>]*>.*confirm<\/span>/);
    expect(row('russia')).toContain('<time datetime="2025-04-26">26 Apr 2025</time>');
    expect(row('russia')).toContain('before: neither');
    expect(row('nato')).toContain('data-stance="none"');
    expect(row('nato')).toContain('no claim yet');
  });

  it('links a quote from an unreadable address to the stored copy', () => {
    expect(html).toContain(`href="${links.document('doc-1')}">Read the article (stored copy)</a>`);
  });

  it('links a quote from a readable address to the article itself', () => {
    const readable = boardMain([watch({ stances: [{ actor: 'r', name: 'R', stance: 'deny', since: { from: null, to: 'deny', effectiveOn: saidOn, claim: claim({ url: 'https://news.example.org/a?b=1&c=2' }) } }] })], links);
    expect(readable).toContain('href="https://news.example.org/a?b=1&amp;c=2">Read the article</a>');
  });

  it('escapes every piece of article text', () => {
    expect(tags(html)).not.toContain('script');
    expect(html).toContain(`<blockquote class="quote" lang="id">${ESCAPED}</blockquote>`);
    expect(html).toContain(`Troops ${ESCAPED}`);
    expect(html).toContain(`NATO ${ESCAPED}`);
    expect(html).toContain('(Pada &lt;26&gt; April)');
  });

  it('counts the actors per stance', () => {
    expect(html).toContain('<strong>1</strong> confirm');
    expect(html).toContain('<strong>1</strong> no claim yet');
  });
});

describe('the actor page', () => {
  const c = claim();
  const rejected = claim({ claimId: 'claim-2', stance: 'deny', quote: 'We deny it', speaker: null });
  const history: ActorHistory = {
    actor: 'russia',
    name: 'Russia',
    stance: 'confirm',
    counts: { claims: 2, changes: 1 },
    page: { next: '/watches/w/actors/russia?after=claim-1#claims', prev: null },
    changes: [{ from: null, to: 'confirm', effectiveOn: saidOn, knownAtPosition: 12, claim: c }],
    claims: [
      { ...rejected, status: 'rejected', drops: [{ kind: 'rejected', reason: `garbled ${HOSTILE}`, by: 'analyst:ana' }] },
      { ...c, status: 'active', drops: [] },
    ],
  };
  const why = {
    stance: 'confirm' as const,
    producedBy: c,
    reaffirmedBy: [],
    overrode: [],
    dropped: [{ ...rejected, drops: history.claims[0]!.drops }],
    counts: { reaffirmedBy: 0, overrode: 0, dropped: 1 },
    more: { reaffirmedBy: null, overrode: null, dropped: null },
    since: { from: null, effectiveOn: saidOn },
  };
  const chart = watch().charts.get('russia')!;
  const html = actorMain({ watch: { id: 'w', proposition: 'P' }, history, why, chart, span: { first: saidOn.to, last: saidOn.to } }, links);

  it('lists every claim, a rejected one with its reason, escaped', () => {
    expect(html.match(/<article class="claim-card/g)?.length).toBe(history.claims.length + 1 + why.dropped.length);
    expect(html).toContain(`rejected by analyst:ana: garbled ${ESCAPED}`);
    expect(html).toContain('class="claim-card is-dropped" data-claim-id="claim-2"');
    expect(tags(html)).not.toContain('script');
  });

  it("shows the watch and pack revisions a claim was read with, and none for a claim without them", () => {
    const read = claim({ claimId: 'claim-3', watchRevision: '0123abcd<4567>', packsRevision: 'feedbeef' });
    const page = actorMain(
      { watch: { id: 'w', proposition: 'P' }, history: { ...history, claims: [{ ...read, status: 'active', drops: [] }] }, why: { ...why, producedBy: read }, chart, span: { first: saidOn.to, last: saidOn.to } },
      links,
    );
    expect(page).toContain('watch revision <code>0123abcd&lt;4567&gt;</code>, language packs <code>feedbeef</code>');
    expect(html).not.toContain('watch revision');
  });

  it('explains the stance with the claim that produced it, and draws the timeline', () => {
    expect(html).toContain('Why Russia is at confirm');
    expect(html).toContain('<svg class="timeline timeline-large"');
  });

  it('marks the claim that changed the stance, and links to the next page of claims', () => {
    expect(html).toContain('changed the stance: none → confirm');
    expect(html).toContain(`<a rel="next" href="${history.page.next}">`);
    expect(html).not.toContain('rel="prev"');
  });
});

describe('the page frame', () => {
  const html = renderPage({
    title: `T ${HOSTILE}`,
    section: 'board',
    assets: { css: '/assets/board.css?v=1', js: '/assets/board.js?v=1', icon: '/assets/icon.svg?v=1' },
    links,
    feeds: [{ title: `Feed ${HOSTILE}`, href: links.feed({ kind: 'changes' }) }],
    live: { stream: links.stream({ watchId: 'w', actorId: 'a&b' }), position: 7 },
    main: '<p>main</p>',
  });

  it('carries discovery links for both feed formats and visible links to them', () => {
    const href = links.feed({ kind: 'changes' });
    expect(html).toContain(`<link rel="alternate" type="application/atom+xml" title="Feed ${ESCAPED} (Atom)" href="${href}.atom">`);
    expect(html).toContain(`<link rel="alternate" type="application/feed+json" title="Feed ${ESCAPED} (JSON Feed)" href="${href}.json">`);
    expect(html).toContain(`<a href="${href}.atom" type="application/atom+xml">Atom</a>`);
  });

  it('loads its script from a file, never inline, and tells it where the stream starts', () => {
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script src="/assets/board.js?v=1" defer>']);
    expect(html).toContain('data-stream="/api/stream?watch=w&amp;actor=a%26b" data-position="7"');
    expect(html).toContain(`<title>T ${ESCAPED} · Stance monitor</title>`);
  });
});

describe('source health', () => {
  const base: SourceHealth = {
    id: 's1',
    kind: 'feed',
    location: 'https://example.org/feed?a=1&b=<2>',
    title: null,
    enabled: true,
    state: 'failing',
    lastStatus: 'HTTP 503',
    lastSuccessAt: null,
    lastError: `HTTP 503: ${HOSTILE}`,
    lastErrorAt: new Date('2026-01-02T03:04:05Z'),
    consecutiveFailures: 3,
    nextPollAt: '2026-01-02T03:14:05.000Z',
    nextPollBasis: 'backoff',
    documentsIngested: 0,
  };

  it('shows the state, the escaped last error and the failures in a row', () => {
    const html = sourcesMain([base]);
    expect(html).toContain(`HTTP 503: ${ESCAPED}`);
    expect(html).toContain('https://example.org/feed?a=1&amp;b=&lt;2&gt;');
    expect(html).toContain(`data-label="Failures in a row" class="num">${base.consecutiveFailures}<`);
    expect(html).toContain('<time datetime="2026-01-02T03:04:05.000Z">2 Jan 2026, 03:04 UTC</time>');
    expect(tags(html)).not.toContain('script');
  });

  it('names what a person needs to know about the state', () => {
    expect(displayState(base).word).toBe('failing, backing off');
    expect(displayState({ ...base, nextPollBasis: 'interval' }).word).toBe('failing');
    expect(displayState({ ...base, enabled: false }).word).toBe('paused');
    expect(displayState({ ...base, state: 'ok' }).word).toBe('ok');
  });
});
