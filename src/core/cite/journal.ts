/**
 * "A study published in the Journal of Neurology found...": the page names a journal and a
 * topic but no paper. The mention is verified only when the bibliography holds exactly one
 * study in that journal whose subject the sentence shares.
 */
import type { PreparedDb, StudySummary } from '../db';
import { normalizeWord } from '../tokens';
import { describe, type Resolution } from './resolve';
import { journalWords, sameJournalWords, type JournalWords } from './similarity';

// Words every LDN study shares; they say nothing about which study is meant.
const GENERIC = new Set(['study', 'studies', 'trial', 'patients', 'naltrexone', 'dose', 'low', 'ldn', 'treatment', 'effect', 'effects', 'using', 'with', 'from', 'that', 'this', 'after', 'their', 'clinical', 'published', 'journal', 'disease', 'syndrome', 'therapy', 'results', 'review']);

function content(text: string): Set<string> {
  return new Set((text.match(/[\p{L}]{4,}/gu) ?? []).map(normalizeWord).filter((w) => !GENERIC.has(w)));
}

interface ByJournal {
  /** Each journal as the bibliography spells it, with its words as `sameJournal` reads them and its studies in bibliography order. */
  journals: { name: string; words: JournalWords; studies: StudySummary[] }[];
  /** Title -> its content words. */
  titles: Map<string, Set<string>>;
}

const byJournalIndexes = new WeakMap<PreparedDb, ByJournal>();

/** Studies grouped by journal, once per database: a mention is compared with each journal name once, not with every study. */
function byJournal(db: PreparedDb): ByJournal {
  let index = byJournalIndexes.get(db);
  if (!index) {
    const studies = new Map<string, StudySummary[]>();
    for (const s of Object.values(db.compiled.studies)) {
      if (!s.journal) continue;
      const list = studies.get(s.journal);
      if (list) list.push(s);
      else studies.set(s.journal, [s]);
    }
    index = { journals: [...studies].map(([name, list]) => ({ name, words: journalWords(name), studies: list })), titles: new Map() };
    byJournalIndexes.set(db, index);
  }
  return index;
}

function titleContent(index: ByJournal, title: string): Set<string> {
  let words = index.titles.get(title);
  if (!words) index.titles.set(title, (words = content(title)));
  return words;
}

export function resolveJournalMention(journal: string, sentence: string, db: PreparedDb): Resolution {
  const index = byJournal(db);
  // Grouped by journal, so not in bibliography order; only the count and a single on-topic study are used.
  const inJournal: StudySummary[] = [];
  const words = journalWords(journal);
  for (const j of index.journals) if (sameJournalWords(words, j.words)) inJournal.push(...j.studies);
  // The sentence's words are read only when some study could share them.
  const topic = inJournal.length > 0 ? content(sentence) : new Set<string>();
  const onTopic = inJournal.filter((s) => [...titleContent(index, `${s.title}`)].some((w) => topic.has(w)));
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
