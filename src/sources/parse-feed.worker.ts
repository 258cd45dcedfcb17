// The worker thread that parses feeds for SourcesService (see common/off-thread.ts).
import { serveOnThread } from '../common/off-thread.js';
import { parseFeed } from './domain/parse-feed.js';

serveOnThread(parseFeed);
