/**
 * The pipeline, in one direction: extract -> segment -> match -> grade -> cite -> report.
 * Callers bring the page (a document factory or plain text) and a prepared database; nothing
 * here touches the network, the file system or any browser-extension API.
 */
import type { Article } from './article';
import { cite } from './cite';
import { articleFromText } from './plain-text';
import type { PreparedDb } from './db';
import { extractArticle } from './extract';
import { grade } from './grade';
import { match } from './match';
import { buildReport, round } from './report';
import type { Report } from './report-schema';
import { segment } from './segment';
import { lookUpSentences } from './sentence-words';
import { pageSubject } from './subject';

export interface CheckOptions {
  url?: string | null;
  /** Defaults to `performance.now`; tests pass a fake clock. */
  clock?: () => number;
  now?: Date;
  /** Treat the page as being about LDN whatever it says ("check anyway", pasted text). */
  assumeAboutLdn?: boolean;
}

export type PageInput =
  | { kind: 'document'; freshDocument: () => Document; truncated?: boolean }
  | { kind: 'text'; text: string };

export function checkPage(input: PageInput, db: PreparedDb, options: CheckOptions = {}): Report {
  const clock = options.clock ?? (() => performance.now());
  const t0 = clock();
  const article: Article = input.kind === 'document'
    ? extractArticle({ freshDocument: input.freshDocument, truncated: input.truncated })
    : articleFromText(input.text);
  return runStages(article, db, options, clock, t0, clock());
}

export interface ArticleCheckOptions extends CheckOptions {
  /** How long extraction took where it ran (the content script times its own); 0 when not given. */
  extractMs?: number;
}

/**
 * The pipeline after extraction, for an Article extracted elsewhere: the extension's content
 * script extracts in the page and the background checks the Article it sends.
 */
export function checkArticle(article: Article, db: PreparedDb, options: ArticleCheckOptions = {}): Report {
  const clock = options.clock ?? (() => performance.now());
  const t1 = clock();
  return runStages(article, db, options, clock, t1 - (options.extractMs ?? 0), t1);
}

/** segment -> match -> grade -> cite -> report; `t0`..`t1` is the extraction that came before. */
function runStages(article: Article, db: PreparedDb, options: CheckOptions, clock: () => number, t0: number, t1: number): Report {
  const sentences = segment(article);
  const t2 = clock();
  // Each sentence's words are looked up once, for the page's subject and for matching (the
  // look-up is timed as part of matching).
  const words = lookUpSentences(article.text, sentences, db.lexicon);
  const subject = pageSubject(article, db, words, options.assumeAboutLdn ?? false);
  const matches = match(sentences, words, subject, db);
  const t3 = clock();
  const graded = grade(matches);
  const t4 = clock();
  const cited = cite(article, sentences, db);
  const t5 = clock();
  return buildReport({
    url: options.url ?? null,
    article,
    subject,
    sentenceCount: sentences.length,
    claims: graded,
    cited,
    db,
    timingsMs: { extract: round(t1 - t0), segment: round(t2 - t1), match: round(t3 - t2), grade: round(t4 - t3), cite: round(t5 - t4) },
    now: options.now ?? new Date(),
  }, t0, clock);
}
