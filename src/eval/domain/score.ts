// Scoring rules of fixtures/eval/README.md (a copy of shared/eval/README.md) as pure functions: extraction precision, recall, F1
// (micro over documents), date accuracy, and the projection's final and as-of accuracy.

import type { SaidOn, Stance } from '../../domain/vocabulary.js';

export type GoldSaidOn = string | { from: string; to: string };

export interface GoldClaim {
  actor: string;
  stance: Stance;
  said_on?: GoldSaidOn;
  why?: string;
}

export interface GoldDocument {
  id: string;
  claims: GoldClaim[];
  optional: GoldClaim[];
}

export interface GoldFile {
  watch: string;
  documents: GoldDocument[];
  final: Record<string, Stance>;
  as_of: { actor: string; on: string; stance: Stance }[];
}

/** What scoring needs of an extracted claim (a ClaimDraft fits). */
export interface ScoredClaim {
  actorId: string;
  stance: Stance;
  saidOn: SaidOn;
}

export interface Pair {
  actor: string;
  stance: Stance;
}

export interface DateMiss extends Pair {
  gold: GoldSaidOn;
  extracted: SaidOn[];
}

export interface DocumentScore {
  documentId: string;
  truePositives: number;
  missed: Pair[];
  spurious: Pair[];
  dateMisses: DateMiss[];
}

export interface ExtractionScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Matched required claims that have a gold said-on. */
  datesScored: number;
  datesHit: number;
  /** datesHit / datesScored; 1 when nothing is scored. */
  dateAccuracy: number;
  documents: DocumentScore[];
}

/**
 * Scores extracted claims per gold document. A document with no entry in `extracted` extracted
 * nothing; extracted documents absent from the gold file are not scored.
 */
export function scoreExtraction(gold: GoldFile, extracted: ReadonlyMap<string, readonly ScoredClaim[]>): ExtractionScore {
  const documents = gold.documents.map((document) => scoreDocument(document, extracted.get(document.id) ?? []));
  const truePositives = sum(documents, (document) => document.truePositives);
  const falsePositives = sum(documents, (document) => document.spurious.length);
  const falseNegatives = sum(documents, (document) => document.missed.length);
  const precision = ratio(truePositives, truePositives + falsePositives);
  const recall = ratio(truePositives, truePositives + falseNegatives);
  const datesScored = sum(gold.documents, (document, index) =>
    document.claims.filter((claim) => claim.said_on !== undefined && !isMissed(documents[index], claim)).length,
  );
  const datesHit = datesScored - sum(documents, (document) => document.dateMisses.length);
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    datesScored,
    datesHit,
    dateAccuracy: ratio(datesHit, datesScored),
    documents,
  };
}

function scoreDocument(document: GoldDocument, claims: readonly ScoredClaim[]): DocumentScore {
  const key = (pair: Pair) => `${pair.actor}\u0000${pair.stance}`;
  const required = new Map(document.claims.map((claim) => [key(claim), claim]));
  const optional = new Set(document.optional.map(key));
  const extractedPairs = new Map<string, ScoredClaim[]>();
  for (const claim of claims) {
    const pairKey = key({ actor: claim.actorId, stance: claim.stance });
    extractedPairs.set(pairKey, [...(extractedPairs.get(pairKey) ?? []), claim]);
  }
  const missed = [...required.values()].filter((claim) => !extractedPairs.has(key(claim))).map(pairOf);
  const spurious = [...extractedPairs.entries()]
    .filter(([pairKey]) => !required.has(pairKey) && !optional.has(pairKey))
    .map(([, [claim]]) => ({ actor: claim.actorId, stance: claim.stance }));
  const dateMisses: DateMiss[] = [];
  for (const claim of required.values()) {
    const found = extractedPairs.get(key(claim));
    if (!found || claim.said_on === undefined) continue;
    if (!found.some((extracted) => isInside(extracted.saidOn, claim.said_on!))) {
      dateMisses.push({ ...pairOf(claim), gold: claim.said_on, extracted: found.map((extracted) => extracted.saidOn) });
    }
  }
  return { documentId: document.id, truePositives: required.size - missed.length, missed, spurious, dateMisses };
}

/**
 * Whether an extracted said-on lies inside a gold interval. An extracted interval is tested by
 * its upper bound `to`: it is the value the projection orders claims by (DESIGN.md, "an interval
 * sorts by its upper bound"), so it is what decides the stance at any valid time. A `before`
 * estimate (no lower bound) thus counts when its bound falls inside the gold interval.
 */
export function isInside(saidOn: SaidOn, gold: GoldSaidOn): boolean {
  const { from, to } = typeof gold === 'string' ? { from: gold, to: gold } : gold;
  return saidOn.to >= from && saidOn.to <= to;
}

export interface AccuracyScore<Row> {
  accuracy: number;
  misses: (Row & { got: Stance | null })[];
}

/** Share of actors in `final` whose projected current stance matches. */
export function finalAccuracy(
  gold: GoldFile,
  currentStanceOf: (actorId: string) => Stance | null,
): AccuracyScore<{ actor: string; stance: Stance }> {
  const rows = Object.entries(gold.final).map(([actor, stance]) => ({ actor, stance }));
  return accuracyOf(rows, (row) => currentStanceOf(row.actor));
}

/** Share of `as_of` rows the projection answers correctly. */
export function asOfAccuracy(
  gold: GoldFile,
  stanceAsOf: (actorId: string, on: string) => Stance | null,
): AccuracyScore<{ actor: string; on: string; stance: Stance }> {
  return accuracyOf(gold.as_of, (row) => stanceAsOf(row.actor, row.on));
}

function accuracyOf<Row extends { stance: Stance }>(rows: readonly Row[], answer: (row: Row) => Stance | null): AccuracyScore<Row> {
  const misses = rows.map((row) => ({ ...row, got: answer(row) })).filter((row) => row.got !== row.stance);
  return { accuracy: ratio(rows.length - misses.length, rows.length), misses };
}

function isMissed(document: DocumentScore, claim: GoldClaim): boolean {
  return document.missed.some((pair) => pair.actor === claim.actor && pair.stance === claim.stance);
}

function pairOf(claim: GoldClaim): Pair {
  return { actor: claim.actor, stance: claim.stance };
}

/** 0/0 is a perfect score: nothing was expected and nothing was wrong. */
function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

function sum<T>(items: readonly T[], value: (item: T, index: number) => number): number {
  return items.reduce((total, item, index) => total + value(item, index), 0);
}
