/**
 * "A study published in the Journal of Neurology found...": the page names a journal and a
 * topic but no paper. The mention is verified only when the bibliography holds exactly one
 * study in that journal whose subject the sentence shares.
 */
import type { PreparedDb } from '../db';
import { normalizeWord } from '../tokens';
import { describe, type Resolution } from './resolve';
import { sameJournal } from './similarity';

// Words every LDN study shares; they say nothing about which study is meant.
const GENERIC = new Set(['study', 'studies', 'trial', 'patients', 'naltrexone', 'dose', 'low', 'ldn', 'treatment', 'effect', 'effects', 'using', 'with', 'from', 'that', 'this', 'after', 'their', 'clinical', 'published', 'journal', 'disease', 'syndrome', 'therapy', 'results', 'review']);

function content(text: string): Set<string> {
  return new Set((text.match(/[\p{L}]{4,}/gu) ?? []).map(normalizeWord).filter((w) => !GENERIC.has(w)));
}

export function resolveJournalMention(journal: string, sentence: string, db: PreparedDb): Resolution {
  const inJournal = Object.values(db.compiled.studies).filter((s) => s.journal && sameJournal(journal, s.journal));
  const topic = content(sentence);
  const onTopic = inJournal.filter((s) => [...content(`${s.title}`)].some((w) => topic.has(w)));
  if (onTopic.length === 1) {
    const s = onTopic[0]!;
    return { status: 'verified', studyId: s.id, reasons: [`Matched by journal and subject: ${describe(s)}`] };
  }
  return {
    status: 'unverified',
    studyId: null,
    reasons: [inJournal.length === 0
      ? `No study in ${journal} is in the bibliography; the page names no author, year or identifier to look it up by.`
      : `The bibliography holds ${inJournal.length} stud${inJournal.length === 1 ? 'y' : 'ies'} in ${journal}, none on this sentence's subject; the page names no author, year or identifier.`],
  };
}
