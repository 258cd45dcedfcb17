// Test helper: runs a document through Debian's Python feedparser (python3-feedparser), the
// reader behind many aggregators, and returns what it understood. A second, unrelated reader
// catches what our own checkers might share a blind spot on: feedparser parses with expat
// and sets `bozo` on any well-formedness error.
//
// It must be /usr/bin/python3: the `python3` on PATH here is a pyenv build without feedparser,
// and Debian's package installs into the system interpreter only.
//
// JSON Feed: feedparser 6.0.x (Debian's version) has no JSON Feed parser and reads every input
// as XML, so it would only ever report a bozo "not well-formed" for JSON. parseWithFeedparser
// throws for JSON input instead of returning that misleading result.

import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const SYSTEM_PYTHON = '/usr/bin/python3';
const DUMP_SCRIPT = fileURLToPath(new URL('./feedparser_dump.py', import.meta.url));
const TIMEOUT_MS = 30_000;

export interface FeedparserLink {
  rel: string | null;
  href: string | null;
  type: string | null;
}

export interface FeedparserFeed {
  title: string | null;
  id: string | null;
  /** The date as written in the document. */
  updated: string | null;
  /** The date as feedparser understood it, as ISO 8601 UTC ("2024-05-01T12:00:00Z"). */
  updated_parsed: string | null;
  language: string | null;
  links: FeedparserLink[];
}

export interface FeedparserEntry {
  id: string | null;
  title: string | null;
  link: string | null;
  links: FeedparserLink[];
  published: string | null;
  published_parsed: string | null;
  updated: string | null;
  updated_parsed: string | null;
  summary: string | null;
  content_values: string[];
  author: string | null;
}

export interface FeedparserResult {
  bozo: boolean;
  /** "ExceptionClass: message" when bozo, else null. */
  bozo_exception: string | null;
  /** feedparser's format name, e.g. "atom10"; "" when it did not recognise a feed. */
  version: string;
  feed: FeedparserFeed;
  entries: FeedparserEntry[];
}

let available: boolean | undefined;

/** Whether /usr/bin/python3 can import feedparser; checked once per process. */
export function feedparserAvailable(): boolean {
  available ??= spawnSync(SYSTEM_PYTHON, ['-c', 'import feedparser'], { stdio: 'ignore', timeout: TIMEOUT_MS }).status === 0;
  return available;
}

export async function parseWithFeedparser(text: string): Promise<FeedparserResult> {
  if (/^\uFEFF?\s*[{[]/.test(text)) {
    throw new Error(
      'parseWithFeedparser: this looks like JSON; feedparser 6.0 (python3-feedparser) has no JSON Feed support and would parse it as broken XML',
    );
  }
  const { stdout, stderr, code } = await run(SYSTEM_PYTHON, [DUMP_SCRIPT], text);
  if (code !== 0) {
    throw new Error(`feedparser_dump.py exited with ${code}: ${stderr.trim() || '(no stderr)'}`);
  }
  return JSON.parse(stdout) as FeedparserResult;
}

function run(command: string, args: string[], input: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: TIMEOUT_MS });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    // If python dies before reading all of stdin, the write fails with EPIPE; the exit code and
    // stderr reported on 'close' say why, so the write error itself adds nothing.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => {
      resolve({ stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), code });
    });
    // The bytes a client would receive: the document as UTF-8.
    child.stdin.end(input, 'utf8');
  });
}
