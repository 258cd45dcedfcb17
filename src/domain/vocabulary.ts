// The product's vocabulary (DESIGN.md "Vocabulary"), as plain types shared by every module.
// Pure: no Nest, no SQL. Event payloads below are what the event log stores, so changing a
// field is a schema change of the log: add fields, never rename or drop them.

export const STANCES = ['deny', 'neither', 'confirm'] as const;
export type Stance = (typeof STANCES)[number];

/**
 * How precisely the text fixed the day a claim was said:
 * - `day`: one day ("pada 28 April", "Kamis (24/10)", "on Monday");
 * - `range`: a span of days ("pekan lalu", "last week", "before Saturday" with a known lower bound);
 * - `month` / `year`: "akhir Oktober", "akhir 2024";
 * - `before`: only an upper bound ("sebelumnya membantah", "had earlier denied").
 */
export type DatePrecision = 'day' | 'range' | 'month' | 'year' | 'before';

/**
 * Valid time of a claim: an inclusive interval of calendar days (ISO `YYYY-MM-DD`).
 * `from` is null when the text gives only an upper bound.
 */
export interface SaidOn {
  from: string | null;
  to: string;
  precision: DatePrecision;
  /** The words or rule that fixed the interval, for the evidence trail ("Kamis (24/10)", "publication date"). */
  basis: string;
}

export interface ClaimEvidence {
  /** The sentence as it stands in the stored document text. */
  sentence: string;
  /** Character offsets of the sentence in the stored document text: text.slice(start, end) === sentence. */
  start: number;
  end: number;
  /** The cue words that decided the stance, as written in the text. */
  cues: string[];
}

/** A claim as an extractor (or an analyst) states it, before it is an event. */
export interface ClaimDraft {
  watchId: string;
  actorId: string;
  /** The person or office that spoke for the actor, when named (Peskov, KCNA, the UN delegation). */
  speaker: string | null;
  stance: Stance;
  saidOn: SaidOn;
  evidence: ClaimEvidence;
}

/** A document as ingested: the exact text is kept because evidence offsets point into it. */
export interface ArticleDocument {
  documentId: string;
  sourceId: string;
  /** Identity within its source: feed GUID, else canonical link, else content hash. */
  entryKey: string;
  url: string;
  canonicalUrl: string;
  outlet: string;
  title: string;
  /** ISO 8601 date or date-time as published. */
  published: string;
  /**
   * `source` when the source gave the date; `first-seen` when it gave none and `published` is
   * when this service first saw the entry (relative dates in the text are then approximate).
   */
  publishedBasis?: 'source' | 'first-seen';
  /** BCP 47 tag (`id`, `en`, `en-GB`). */
  language: string;
  text: string;
  /** sha256 hex of the text. */
  contentHash: string;
  /** documentId of the revision this one replaces, when the article was edited. */
  revisionOf: string | null;
}

// ---- Event payloads -------------------------------------------------------------------------

export interface DocumentIngested {
  type: 'DocumentIngested';
  data: ArticleDocument;
}

export interface ClaimRecorded {
  type: 'ClaimRecorded';
  data: ClaimDraft & {
    claimId: string;
    /** null for a claim entered by an analyst. */
    documentId: string | null;
    /** The article URL (for analyst claims, the URL they gave). */
    url: string;
    origin: 'extractor' | 'analyst';
    /** Extractor version, or `analyst:<who>`. */
    recordedBy: string;
    /**
     * The report's publication time (the document's `published`), or when the analyst entered
     * the claim. Breaks ties in the claim order (stance/domain/claim-order.ts). Absent on events
     * recorded before it was added.
     */
    reportedAt?: string;
    /**
     * Content hashes of the watch file and of the language packs the extractor read
     * (src/watches/domain/revision.ts): which configuration produced the claim. Absent on
     * analysts' claims and on events recorded before they were kept.
     */
    watchRevision?: string;
    packsRevision?: string;
  };
}

/** Which configuration produced a claim: content hashes of the watch file and of its language packs. */
export interface ConfigRevisions {
  watchRevision: string;
  packsRevision: string;
}

export interface ClaimRejected {
  type: 'ClaimRejected';
  data: { claimId: string; reason: string; by: string };
}

/** A claim a newer extractor version no longer finds: withdrawn, never edited. */
export interface ClaimSuperseded {
  type: 'ClaimSuperseded';
  data: { claimId: string; byExtractorVersion: string; reason: string };
}

export type DomainEvent = DocumentIngested | ClaimRecorded | ClaimRejected | ClaimSuperseded;
export type DomainEventType = DomainEvent['type'];
