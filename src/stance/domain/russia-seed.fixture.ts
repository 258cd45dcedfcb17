// Test data for the stance unit specs: event builders, and Russia's claims in the five seed
// articles (../shared/seeds), annotated by hand as the extractor should record them. Quotes are
// the seed sentences verbatim; the seeds carry no URLs, so these are placeholders.

import type { DatePrecision, SaidOn, Stance } from '../../domain/vocabulary.js';
import type { LoggedClaimEvent, LoggedEvent } from './timeline.js';

export const WATCH = 'dprk-troops-russia';

export function day(d: string, basis = d): SaidOn {
  return { from: d, to: d, precision: 'day', basis };
}

export function before(to: string, basis = 'undated past statement'): SaidOn {
  return { from: null, to, precision: 'before', basis };
}

export function span(from: string, to: string, precision: DatePrecision = 'range', basis = 'span'): SaidOn {
  return { from, to, precision, basis };
}

export interface ClaimSpec {
  claimId: string;
  stance: Stance;
  saidOn: SaidOn;
  position: number;
  actorId?: string;
  documentId?: string | null;
  quote?: string;
  speaker?: string | null;
  /** Defaults to the seed's publication date, or null for a document that is not a seed. */
  reportedAt?: string | null;
  /** Where the quote starts in its document (the order reads it for claims of one report); 0 by default. */
  offset?: number;
}

export function recorded(spec: ClaimSpec): LoggedClaimEvent {
  const documentId = spec.documentId === undefined ? `doc-${spec.claimId}` : spec.documentId;
  const quote = spec.quote ?? `quote of ${spec.claimId}`;
  return {
    type: 'ClaimRecorded',
    position: spec.position,
    data: {
      claimId: spec.claimId,
      watchId: WATCH,
      actorId: spec.actorId ?? 'russia',
      speaker: spec.speaker ?? null,
      stance: spec.stance,
      saidOn: spec.saidOn,
      evidence: { sentence: quote, start: spec.offset ?? 0, end: (spec.offset ?? 0) + quote.length, cues: [] },
      documentId,
      url: `https://example.org/seeds/${documentId ?? 'analyst'}`,
      origin: documentId === null ? 'analyst' : 'extractor',
      recordedBy: documentId === null ? 'analyst:test' : 'extractor@1',
      ...((spec.reportedAt ?? PUBLISHED[documentId ?? '']) ? { reportedAt: spec.reportedAt ?? PUBLISHED[documentId ?? ''] } : {}),
    },
  };
}

export function rejected(claimId: string, position: number, reason: string, by = 'analyst:ana'): LoggedClaimEvent {
  return { type: 'ClaimRejected', position, data: { claimId, reason, by } };
}

export function superseded(
  claimId: string,
  position: number,
  reason: string,
  version = 'extractor@2',
): LoggedClaimEvent {
  return { type: 'ClaimSuperseded', position, data: { claimId, reason, byExtractorVersion: version } };
}

export const DOC = {
  d000: '000_e68d0cf41b667b35', // published 2025-04-28
  d001: '001_8a6b6d78dd98debe', // published 2025-04-29
  d002: '002_3a6185e6ec486ff6', // published 2024-10-25
  d003: '003_f459e879273e22e6', // published 2024-10-29
  d004: '004_3a2ed5cd9f139673', // published 2024-10-22
} as const;

/**
 * Russia's claims, per seed document, in the order of the sentences. Positions are assigned by
 * whoever ingests them; `russiaLog` uses one fixed ingestion order.
 */
export const RUSSIA_CLAIMS: Record<keyof typeof DOC, Omit<ClaimSpec, 'position'>[]> = {
  d002: [
    {
      claimId: 'russia-002-neither',
      stance: 'neither',
      saidOn: day('2024-10-24', 'Kamis (24/10)'),
      documentId: DOC.d002,
      speaker: 'Putin',
      offset: 437,
      quote:
        '“Ada Pasal 4. Kami tidak pernah ragu bahwa kepemimpinan Korea Utara menganggap serius perjanjian kami. Namun, apa yang kami lakukan berdasarkan pasal ini adalah urusan kami,” kata Putin, seperti dilansir Reuters, Kamis (24/10). /2024).',
    },
    {
      // The garbled attribution the gold marks optional: an analyst rejects it.
      claimId: 'russia-002-confirm-garbled',
      stance: 'confirm',
      saidOn: day('2024-10-24', 'Kamis (24/10)'),
      documentId: DOC.d002,
      speaker: 'Putin',
      offset: 1317,
      quote:
        '“Kami tahu siapa saja yang ada di sana, negara-negara Eropa mana, dan bagaimana mereka melakukan pekerjaan ini,” kata Putin: Kami punya bukti kehadiran tentara Korea di Rusia.',
    },
    {
      claimId: 'russia-002-deny',
      stance: 'deny',
      saidOn: before('2024-10-24', 'sebelumnya; day before publication 2024-10-25'),
      documentId: DOC.d002,
      speaker: 'Kremlin',
      offset: 2518,
      quote: 'Kremlin sebelumnya membantah laporan pengerahan pasukan Korea Utara dan menggambarkannya sebagai berita palsu.',
    },
  ],
  d003: [
    {
      claimId: 'russia-003-neither',
      stance: 'neither',
      saidOn: day('2024-10-24', '24 Oktober'),
      documentId: DOC.d003,
      speaker: 'Putin',
      quote:
        '“Ada pasal 4. Kami tidak pernah sedikit pun meragukan bahwa kepemimpinan Korea Utara menanggapi perjanjian kami dengan serius. Namun apa yang kami lakukan dalam kerangka pasal ini adalah urusan kami,” kata Putin.',
    },
  ],
  d001: [
    {
      claimId: 'russia-001-confirm',
      stance: 'confirm',
      saidOn: day('2025-04-26', 'Pada 26 April'),
      documentId: DOC.d001,
      speaker: null,
      quote:
        'Pada 26 April, Rusia mengkonfirmasi untuk pertama kalinya bahwa pasukan Korea Utara secara aktif terlibat dalam pertempuran di wilayah tersebut.',
    },
  ],
  d000: [
    {
      claimId: 'russia-000-confirm',
      stance: 'confirm',
      saidOn: span('2025-04-19', '2025-04-27', 'range', 'pekan lalu'),
      documentId: DOC.d000,
      speaker: 'Gerasimov',
      quote:
        'Dalam laporan kepada Presiden Rusia Vladimir Putin pekan lalu, Kepala Staf Umum Valery Gerasimov memuji kontribusi yang diberikan oleh prajurit Korea Utara dalam membantu membebaskan Wilayah Kursk dari pasukan Ukraina.',
    },
  ],
  d004: [
    {
      claimId: 'russia-004-deny',
      stance: 'deny',
      saidOn: before('2024-10-21', 'undated; day before publication 2024-10-22'),
      documentId: DOC.d004,
      speaker: 'Peskov',
      quote:
        'Juru bicara Kremlin Dmitry Peskov menolak spekulasi bahwa militer Korea Utara juga terlibat dalam permusuhan dengan Ukraina “cerita palsu”, dia kemudian menambahkan Moskow dan Pyongyang “mereka mengembangkan hubungan di semua bidang.”',
    },
  ],
};

const PUBLISHED: Record<string, string> = {
  [DOC.d000]: '2025-04-28',
  [DOC.d001]: '2025-04-29',
  [DOC.d002]: '2024-10-25',
  [DOC.d003]: '2024-10-29',
  [DOC.d004]: '2024-10-22',
};

export const GARBLED_REASON = 'garbled attribution: Putin speaks about European countries, the evidence clause is not his';

/** Documents ingested in the given order, positions from 1 in that order, then the rejection. */
export function russiaLog(order: readonly (keyof typeof DOC)[]): LoggedEvent[] {
  const events: LoggedEvent[] = [];
  for (const doc of order) {
    for (const spec of RUSSIA_CLAIMS[doc]) events.push(recorded({ ...spec, position: events.length + 1 }));
  }
  events.push(rejected('russia-002-confirm-garbled', events.length + 1, GARBLED_REASON));
  return events;
}

/**
 * The fixed log most specs use: documents in this order, with gaps in the positions where other
 * events (documents, other actors) sit. doc 004 (published 2024-10-22) arrives last, as a late
 * backfill of an old article.
 *
 *   10 russia-002-deny  11 russia-002-neither  12 russia-002-confirm-garbled  20 russia-003-neither
 *   30 russia-001-confirm  41 russia-000-confirm  50 russia-004-deny  60 ClaimRejected(garbled)
 */
export const RUSSIA_LOG: LoggedEvent[] = [
  recorded({ ...RUSSIA_CLAIMS.d002[2]!, position: 10 }),
  recorded({ ...RUSSIA_CLAIMS.d002[0]!, position: 11 }),
  recorded({ ...RUSSIA_CLAIMS.d002[1]!, position: 12 }),
  recorded({ ...RUSSIA_CLAIMS.d003[0]!, position: 20 }),
  recorded({ ...RUSSIA_CLAIMS.d001[0]!, position: 30 }),
  recorded({ ...RUSSIA_CLAIMS.d000[0]!, position: 41 }),
  recorded({ ...RUSSIA_CLAIMS.d004[0]!, position: 50 }),
  rejected('russia-002-confirm-garbled', 60, GARBLED_REASON),
];

/** Every ordering of `items` (n! of them). */
export function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}
