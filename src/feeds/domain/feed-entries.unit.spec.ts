import { describe, expect, it } from '@jest/globals';
import { PublicLinks } from '../../domain/public-links.js';
import { announcementEntry, type AnnouncementRecord, type EntryContext } from './feed-entries.js';
import { FeedRequestError, feedRoute, parsePage, splitFeedFile } from './feed-request.js';

const ctx: EntryContext = {
  idAuthority: 'example.org,2026',
  links: new PublicLinks('https://stance.example.org'),
  proposition: () => 'North Korean troops are in Russia.',
  actorName: (_w, actor) => (actor === 'russia' ? 'Russia' : actor),
};

function record(overrides: Partial<AnnouncementRecord> = {}, claim: Partial<AnnouncementRecord['claim']> = {}): AnnouncementRecord {
  return {
    announcementId: 9,
    kind: 'change',
    announcedAt: new Date('2026-03-01T10:00:00.004Z'),
    changedCurrent: true,
    currentStance: 'confirm',
    alertId: 12,
    change: { from: 'neither', to: 'confirm' },
    corrects: null,
    drop: null,
    claim: {
      claimId: 'claim-1',
      documentId: 'doc-1',
      eventId: '3f0c7a52-0000-4000-8000-000000000001',
      watchId: 'w',
      actorId: 'russia',
      stance: 'confirm',
      saidOn: { from: '2026-02-27', to: '2026-02-27', precision: 'day', basis: 'Jumat (27/2)' },
      speaker: 'Putin',
      quote: 'They <fought> & won',
      url: 'https://news.example.org/a',
      origin: 'extractor',
      recordedBy: 'extractor-v1',
      position: 30,
      recordedAt: new Date('2026-03-01T10:00:00Z'),
      document: { url: 'https://news.example.org/a', outlet: 'Kompas', title: 'Title & more', published: '2026-02-28', language: 'id' },
      ...claim,
    },
    ...overrides,
  };
}

describe('announcementEntry', () => {
  it('titles a new change, dates it by its announcement, ids it from the claim event and escapes the article text', () => {
    const entry = announcementEntry(record(), ctx);
    expect(entry.title).toBe('Russia: neither → confirm');
    expect(entry.id).toBe('tag:example.org,2026:change/3f0c7a52-0000-4000-8000-000000000001');
    expect(entry.updated.toISOString()).toBe('2026-03-01T10:00:00.004Z');
    expect(entry.link).toBe('https://news.example.org/a');
    expect(entry.contentHtml).toContain('<blockquote lang="id"><p>They &lt;fought&gt; &amp; won</p></blockquote>');
    expect(entry.contentHtml).toContain('Said 27 Feb 2026 (“Jumat (27/2)”) by Putin, reported by Kompas in “Title &amp; more”');
    expect(entry.contentHtml).toContain('The service learned it on 1 Mar 2026, 10:00 UTC.');
    expect(entry.contentHtml).toContain('This set Russia’s current stance: <em>confirm</em>.');
    expect(entry.deletes).toBeNull();
    expect(entry.related.map((r) => r.href)).toContain('https://stance.example.org/api/watches/w/actors/russia/why');
  });

  it('labels backdated history in the title: a statement that did not move the stance, or one said long before it was learned', () => {
    const old = announcementEntry(record({ changedCurrent: false, currentStance: 'confirm', change: { from: null, to: 'deny' } }, { stance: 'deny', saidOn: { from: '2024-10-01', to: '2024-10-31', precision: 'month', basis: '' } }), ctx);
    expect(old.title).toBe('Russia: no stance → deny (history: said in Oct 2024; now confirm)');
    expect(old.contentHtml).toContain('did not change Russia’s current stance, which is <em>confirm</em>');
    const late = announcementEntry(record({}, { saidOn: { from: '2025-06-01', to: '2025-06-01', precision: 'day', basis: '' } }), ctx);
    expect(late.title).toBe('Russia: neither → confirm (history: said 1 Jun 2025; now confirm)');
    expect(announcementEntry(record(), ctx).title).not.toContain('history');
  });

  it('announces a withdrawal as a new entry that names the entry it withdraws, and deletes that one', () => {
    const corrects = { id: 'tag:example.org,2026:change/abc', title: 'Russia: neither → confirm', announcedAt: new Date('2026-02-01T08:30:00Z'), change: { from: 'neither' as const, to: 'confirm' as const } };
    const withdrawal = announcementEntry(record({ kind: 'withdrawal', alertId: 15, corrects, currentStance: 'neither', changedCurrent: false }), ctx);
    expect(withdrawal.id).toBe('tag:example.org,2026:withdrawal/15');
    expect(withdrawal.title).toBe('Withdrawn: Russia: neither → confirm');
    expect(withdrawal.deletes).toBe(corrects.id);
    expect(withdrawal.contentHtml).toContain('This corrects the entry “Russia: neither → confirm” of 1 Feb 2026, 08:30 UTC');
    expect(withdrawal.contentHtml).toContain('current stance is now <em>neither</em>');

    const reattributed = announcementEntry(record({ kind: 'correction', alertId: 16, corrects }), ctx);
    expect(reattributed.title).toBe('Correction: Russia: neither → confirm, now on other evidence');
    expect(reattributed.deletes).toBe(corrects.id);
    const altered = announcementEntry(record({ kind: 'correction', alertId: 17, corrects, change: { from: 'deny', to: 'confirm' } }), ctx);
    expect(altered.title).toBe('Correction: Russia: deny → confirm (announced as neither → confirm)');
  });

  it('titles claims readably, an analyst by name, and a rejection as its own entry', () => {
    const analyst = announcementEntry(record({ kind: 'claim', alertId: null, change: null }, { document: null, documentId: null, origin: 'analyst', recordedBy: 'analyst:ana' }), ctx);
    expect(analyst.title).toBe('Russia: confirm (analyst ana)');
    expect(analyst.id).toBe('tag:example.org,2026:claim/3f0c7a52-0000-4000-8000-000000000001');
    const rejected = announcementEntry(
      record({ kind: 'claim-dropped', alertId: null, change: null, drop: { kind: 'rejected', reason: 'misquote <x>', by: 'analyst:ana', eventId: 'e-9' } }),
      ctx,
    );
    expect(rejected.title).toBe('Rejected: Russia: confirm (Kompas)');
    expect(rejected.id).toBe('tag:example.org,2026:claim-dropped/e-9');
    expect(rejected.contentHtml).toContain('rejected by ana: misquote &lt;x&gt;');
  });

  it('links the stored copy when the article address cannot be opened, and the why API when there is no article', () => {
    expect(announcementEntry(record({}, { url: 'https://fixtures.example.invalid/a' }), ctx).link).toBe('https://stance.example.org/documents/doc-1');
    expect(announcementEntry(record({}, { url: 'not a url', document: null, documentId: null, origin: 'analyst' }), ctx).link).toBe(
      'https://stance.example.org/api/watches/w/actors/russia/why',
    );
  });
});

describe('feed requests', () => {
  it('splits a feed file into name and format, and reads ?page=', () => {
    expect(splitFeedFile('changes.atom')).toEqual({ name: 'changes', format: 'atom' });
    expect(splitFeedFile('south-korea.json')).toEqual({ name: 'south-korea', format: 'json' });
    expect(() => splitFeedFile('changes.rss')).toThrow(FeedRequestError);
    expect(parsePage({})).toBeNull();
    expect(parsePage({ page: '12' })).toBe(12);
    for (const bad of ['0', '-1', '1.5', 'x', ['1', '2']]) expect(() => parsePage({ page: bad })).toThrow(/page must be an archive page number/);
  });

  it('names the feed of a path, and 404s anything else', () => {
    expect(feedRoute('/feeds/changes.json')).toEqual({ kind: 'changes', format: 'json' });
    expect(feedRoute('/feeds/watches/w/claims.atom')).toEqual({ kind: 'watch-claims', watchId: 'w', format: 'atom' });
    expect(feedRoute('/feeds/watches/w/actors/south%20korea.atom')).toEqual({ kind: 'actor-changes', watchId: 'w', actorId: 'south korea', format: 'atom' });
    for (const path of ['/feeds/', '/feeds/claims.atom', '/feeds/watches//changes.atom', '/feeds/watches/w/other.atom', '/feeds/watches/w/actors/a/b.atom', '/feeds/watches/%E0%A4%A/changes.atom']) {
      expect(() => feedRoute(path)).toThrow(FeedRequestError);
    }
  });
});
