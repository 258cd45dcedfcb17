// Source health (`/sources`): each source's state and last error as a table, so a source that
// stopped is seen, never silent. The state words come from GET /api/sources (sourceHealth); this
// page only adds what a person needs to read them: paused, and backing off until when. Locations
// arrive redacted (sourceHealth). Pure.
import { escapeHtml } from '../../domain/escape.js';
import { instantHtml } from './format.js';

/** A source as GET /api/sources answers it (sourceHealth). */
export interface SourceHealth {
  id: string;
  kind: string;
  location: string;
  title: string | null;
  enabled: boolean;
  state: string;
  lastStatus: string | null;
  lastSuccessAt: Date | string | null;
  lastError: string | null;
  lastErrorAt: Date | string | null;
  consecutiveFailures: number;
  nextPollAt: Date | string | null;
  nextPollBasis: string | null;
  documentsIngested: number;
}

/** The state a person reads: paused beats everything; a failing source waits out its backoff. */
export function displayState(source: Pick<SourceHealth, 'enabled' | 'state' | 'nextPollBasis'>): { word: string; tone: 'ok' | 'bad' | 'wait' | 'idle' } {
  if (!source.enabled) return { word: 'paused', tone: 'idle' };
  if (source.state === 'failing') {
    return source.nextPollBasis === 'backoff' || source.nextPollBasis === 'retry-after' ? { word: 'failing, backing off', tone: 'wait' } : { word: 'failing', tone: 'bad' };
  }
  if (source.state === 'ok') return { word: 'ok', tone: 'ok' };
  return { word: source.state, tone: 'idle' };
}

const TONE_SYMBOL = { ok: '✓', bad: '✕', wait: '…', idle: '·' } as const;

export function sourcesMain(sources: readonly SourceHealth[]): string {
  const failing = sources.filter((s) => s.enabled && s.state === 'failing').length;
  const summary =
    sources.length === 0
      ? 'No source is registered: set FIXTURES_DIR or FEED_URLS, or POST /api/admin/sources.'
      : `${sources.length} source${sources.length === 1 ? '' : 's'}, ${failing === 0 ? 'none failing' : `${failing} failing`}.`;
  const rows = sources
    .map((s) => {
      const state = displayState(s);
      return `<tr data-source="${escapeHtml(s.id)}" data-state="${escapeHtml(state.word)}">
<th scope="row"><span class="source-title">${escapeHtml(s.title ?? s.id)}</span><span class="location">${escapeHtml(s.location)}</span></th>
<td data-label="Kind">${escapeHtml(s.kind)}</td>
<td data-label="State"><span class="state state-${state.tone}"><span aria-hidden="true">${TONE_SYMBOL[state.tone]}</span> ${escapeHtml(state.word)}</span>${s.lastStatus ? `<span class="last-status">${escapeHtml(s.lastStatus)}</span>` : ''}</td>
<td data-label="Last success">${instantHtml(s.lastSuccessAt)}</td>
<td data-label="Last error">${s.lastError ? `<span class="error-text">${escapeHtml(s.lastError)}</span><span class="error-at">${instantHtml(s.lastErrorAt)}</span>` : '<span class="none">none</span>'}</td>
<td data-label="Failures in a row" class="num">${s.consecutiveFailures}</td>
<td data-label="Next poll">${instantHtml(s.nextPollAt)}${s.nextPollBasis ? `<span class="basis">(${escapeHtml(s.nextPollBasis)})</span>` : ''}</td>
<td data-label="Articles ingested" class="num">${s.documentsIngested}</td>
</tr>`;
    })
    .join('\n');
  return `<div class="intro">
<h1>Sources</h1>
<p>${escapeHtml(summary)}</p>
</div>
${sources.length === 0 ? '' : `<div class="table-scroll"><table class="sources">
<caption class="visually-hidden">Each source’s state, last success, last error and next poll</caption>
<thead><tr><th scope="col">Source</th><th scope="col">Kind</th><th scope="col">State</th><th scope="col">Last success</th><th scope="col">Last error</th><th scope="col">Failures</th><th scope="col">Next poll</th><th scope="col">Articles</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>`}`;
}
