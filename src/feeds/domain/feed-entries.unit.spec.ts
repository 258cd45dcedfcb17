import { describe, expect, it } from '@jest/globals';
import { PublicLinks } from '../../domain/public-links.js';
import { changeEntry, claimEntry, describeSaidOn, type ChangeRecord, type EntryContext } from './feed-entries.js';
import { FeedRequestError, feedRoute, parseBefore, splitFeedFile } from './feed-request.js';

const ctx: EntryContext = {
  idAuthority: 'example.org,2026',
  links: new PublicLinks('https://stance.example.org'),
  proposition: () => 'North Korean troops are in Russia.',
  actorName: (_w, actor) => (actor === 'russia' ? 'Russia' : actor),
};

function change(overrides: Partial<ChangeRecord['claim']> = {}): ChangeRecord {
  return {
    from: 'neither',
    to: 'confirm',
    knownAtPosition: 40,
    knownAt: new Date('2026-03-01T10:00:00Z'),
    claim: {
      claimId: 'claim-1',
      documentId: 'doc-1',
      eventId: '3f0c7a52-0000-4000-8000-000000000001',
      watchId: 'w',
      actorId: 'russia',
      stance: 'confirm',
      saidOn: { from: '2025-04-26', to: '2025-04-26', precision: 'day', basis: 'Sabtu (26/4)' },
      speaker: 'Putin',
      quote: 'They <fought> & won',
      url: 'https://news.example.org/a',
      origin: 'extractor',
      recordedBy: 'extractor-v1',
      position: 30,
      recordedAt: new Date('2026-02-01T10:00:00Z'),
      document: { url: 'https://news.example.org/a', outlet: 'Kompas', title: 'Title & more', published: '2025-04-28', language: 'id' },
      ...overrides,
    },
  };
}

describe('changeEntry', () => {
  it('titles the change, dates it from the log, ids it from the event and escapes the article text', () => {
    const entry = changeEntry(change(), ctx);
    expect(entry.title).toBe('Russia: neither → confirm');
    expect(entry.id).toBe('tag:example.org,2026:change/3f0c7a52-0000-4000-8000-000000000001');
    expect([entry.updated.toISOString(), entry.published.toISOString()]).toEqual(['2026-03-01T10:00:00.000Z', '2026-02-01T10:00:00.000Z']);
    expect(entry.link).toBe('https://news.example.org/a');
    expect(entry.contentHtml).toContain('<blockquote lang="id"><p>They &lt;fought&gt; &amp; won</p></blockquote>');
    expect(entry.contentHtml).toContain('Previous stance: neither.');
    expect(entry.contentHtml).toContain('“North Korean troops are in Russia”.');
    expect(entry.contentHtml).toContain('reported by Kompas in “Title &amp; more”');
    expect(entry.related.map((r) => r.href)).toContain('https://stance.example.org/api/watches/w/actors/russia/why');
  });

  it('links the stored copy when the article address cannot be opened, and the why API when there is no article', () => {
    expect(changeEntry(change({ url: 'https://fixtures.example.invalid/a' }), ctx).link).toBe('https://stance.example.org/documents/doc-1');
    expect(changeEntry(change({ url: 'not a url', document: null, documentId: null, origin: 'analyst' }), ctx).link).toBe(
      'https://stance.example.org/api/watches/w/actors/russia/why',
    );
  });

  it('marks a dropped claim in the claims feed, dated by the drop', () => {
    const dropped = claimEntry({ ...change().claim, drop: { kind: 'rejected', reason: 'misquote <x>', by: 'ana', position: 50, recordedAt: new Date('2026-04-01T00:00:00Z') } }, ctx);
    expect(dropped.title).toBe('Russia: confirm (Kompas) [rejected]');
    expect(dropped.updated.toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(dropped.contentHtml).toContain('rejected by ana: misquote &lt;x&gt;');
  });
});

describe('describeSaidOn', () => {
  it('words each precision', () => {
    const on = (precision: 'day' | 'range' | 'month' | 'year' | 'before', from: string | null, to: string) => describeSaidOn({ from, to, precision, basis: '' });
    expect(on('day', '2025-04-26', '2025-04-26')).toBe('on 2025-04-26');
    expect(on('range', '2024-10-14', '2024-10-20')).toBe('between 2024-10-14 and 2024-10-20');
    expect(on('month', '2024-10-01', '2024-10-31')).toBe('in 2024-10');
    expect(on('year', '2024-01-01', '2024-12-31')).toBe('in 2024');
    expect(on('before', null, '2024-10-21')).toBe('on or before 2024-10-21');
  });
});

describe('feed requests', () => {
  it('splits a feed file into name and format, and reads ?before=', () => {
    expect(splitFeedFile('changes.atom')).toEqual({ name: 'changes', format: 'atom' });
    expect(splitFeedFile('south-korea.json')).toEqual({ name: 'south-korea', format: 'json' });
    expect(() => splitFeedFile('changes.rss')).toThrow(FeedRequestError);
    expect(parseBefore({})).toBeNull();
    expect(parseBefore({ before: '120' })).toBe(120);
    for (const bad of ['0', '-1', '1.5', 'x', ['1', '2']]) expect(() => parseBefore({ before: bad })).toThrow(/before must be a log position/);
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
