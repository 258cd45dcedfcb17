// What the extractor carries from one sentence to the next: the last speaker (for "tambahnya",
// "dia", "the spokesman"), where the proposition was last named (for cues that point back), and
// each actor's latest dated statement (for the same speaker's next, undated quote).

import type { SaidOn } from '../../domain/vocabulary.js';
import { NO_ONE, type Resolution, type ResolvedActor } from './references.js';
import { eventDayOf, SAID_ON_STRENGTH, type DatedStatement } from './said-on.js';
import type { Statement } from './statements.js';

/** A cue that points back ("menolak tuduhan tersebut") may rely on the topic this many sentences back. */
const TOPIC_CONTEXT_SENTENCES = 4;
/** A speaker's dated statement dates their undated statements this many sentences later. */
const CARRIED_DATE_SENTENCES = 3;
const CARRIED_SUFFIX = ' (same speaker, earlier sentence)';

export class DocumentMemory {
  lastSpeaker: Resolution = NO_ONE;
  /** The last single day a statement was dated to: "the previous day" counts from it. */
  lastEventDay: number | null = null;
  private lastOnTopic: number;
  private lastEvent = -Infinity;
  private lastAgentNamed = -Infinity;
  private readonly dated = new Map<string, { saidOn: SaidOn | null; sentence: number; speaker: string | null }>();

  constructor(titleOnTopic: boolean) {
    this.lastOnTopic = titleOnTopic ? -1 : -Infinity;
  }

  /** The proposition was named within as many sentences before (by default, as far as a cue that points back reaches). */
  topicWithin(sentence: number, sentences = TOPIC_CONTEXT_SENTENCES): boolean {
    return sentence - this.lastOnTopic <= sentences;
  }

  /** The agent was named in the sentence before: "Zedland flies Freedonian jets. Asked whether ...". */
  agentBefore(sentence: number): boolean {
    return sentence - this.lastAgentNamed === 1;
  }

  noteAgentNamed(sentence: number): void {
    this.lastAgentNamed = sentence;
  }

  /** The event alone was named within as many sentences: "Z said it was not involved" refers to it. */
  eventWithin(sentence: number, sentences = TOPIC_CONTEXT_SENTENCES): boolean {
    return sentence - Math.max(this.lastEvent, this.lastOnTopic) <= sentences;
  }

  /** The date of the same speaker's recent statement: named alike ("Putin" ... "Vladimir Putin") or referred back to. */
  carriedDate(actor: ResolvedActor, sentence: number): SaidOn | null {
    const record = this.dated.get(actor.actorId);
    if (!record?.saidOn || sentence - record.sentence > CARRIED_DATE_SENTENCES) return null;
    if (!actor.continued && !sameSpeaker(record.speaker, actor.speaker)) return null;
    const basis = record.saidOn.basis.endsWith(CARRIED_SUFFIX) ? record.saidOn.basis : `${record.saidOn.basis}${CARRIED_SUFFIX}`;
    return { ...record.saidOn, basis };
  }

  /** Records each actor's latest statement; an undated one ends the carry of an older date. */
  remember(sentence: number, onTopic: boolean, lastSpeaker: Resolution, statements: Statement[], dated: DatedStatement[], eventNamed = onTopic): void {
    if (onTopic) this.lastOnTopic = sentence;
    if (eventNamed) this.lastEvent = sentence;
    this.lastSpeaker = lastSpeaker;
    for (const { saidOn, basis } of dated) {
      const day = basis === 'stated' ? eventDayOf(saidOn) : null;
      if (day !== null) this.lastEventDay = day;
    }
    const strongest = new Map<string, { actor: ResolvedActor; dated: DatedStatement }>();
    statements.forEach((statement, index) => {
      for (const actor of statement.actors) {
        const best = strongest.get(actor.actorId);
        if (!best || SAID_ON_STRENGTH[dated[index].basis] > SAID_ON_STRENGTH[best.dated.basis]) {
          strongest.set(actor.actorId, { actor, dated: dated[index] });
        }
      }
    });
    for (const [actorId, { actor, dated: { basis, saidOn } }] of strongest) {
      const previous = this.dated.get(actorId);
      const speaker = actor.continued ? previous?.speaker ?? actor.speaker : actor.speaker;
      const carries = basis === 'stated' || basis === 'carried';
      this.dated.set(actorId, { saidOn: carries ? saidOn : null, sentence, speaker });
    }
  }
}

/** "Sekretaris Jenderal NATO Mark Rutte" and "Rutte" share a name. */
function sameSpeaker(earlier: string | null, later: string | null): boolean {
  if (!earlier || !later) return false;
  const names = (text: string) => text.split(/[^\p{L}]+/u).filter((word) => word.length >= 3 && /^\p{Lu}/u.test(word));
  const earlierNames = new Set(names(earlier));
  return names(later).some((name) => earlierNames.has(name));
}
