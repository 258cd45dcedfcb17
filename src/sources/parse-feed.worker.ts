// The worker thread that parses feeds into documents for SourcesService (see common/off-thread.ts).
import { serveOnThread } from '../common/off-thread.js';
import { feedDocuments } from './domain/feed-documents.js';

serveOnThread(feedDocuments);
