/**
 * Compiles the claims database sources into the index the pipeline reads (`CompiledDb`).
 * Every source file is validated with zod, then cross-checked: unique ids, known concepts,
 * known studies, forms that parse. All problems are reported at once, each with its file.
 */
import { z } from 'zod';
import type { CompiledClaim, CompiledDb, StudySummary } from '../core/db';
import { compileForm } from '../core/forms';
import { displayAuthors } from '../core/format/summary';
import { CUE_KINDS } from '../core/db';
import { Bibliography, ClaimFile, LexiconFile, type ClaimSource, type LexiconSource, type StudySource } from './source-schema';

export interface DbSources {
  lexicons: { file: string; data: unknown }[];
  claimFiles: { file: string; data: unknown }[];
  bibliographies: { file: string; data: unknown }[];
}

export class DbError extends Error {
  constructor(readonly problems: string[]) {
    super(`the claims database has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n  ${problems.slice(0, 30).join('\n  ')}`);
  }
}

export interface CompiledWithSources {
  db: CompiledDb;
  claims: ClaimSource[];
  /** The claim file each claim came from, for messages. */
  fileOf: Map<string, string>;
}

export function compileDb(sources: DbSources): CompiledWithSources {
  const problems: string[] = [];
  const parse = <T>(schema: z.ZodType<T>, file: string, data: unknown): T | null => {
    const r = schema.safeParse(data);
    if (r.success) return r.data;
    for (const issue of r.error.issues) problems.push(`${file}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return null;
  };

  const lexicon = mergeLexicons(sources.lexicons.map((l) => ({ file: l.file, data: parse(LexiconFile, l.file, l.data) })), problems);
  const studies: StudySource[] = [];
  for (const b of sources.bibliographies) studies.push(...(parse(Bibliography, b.file, b.data) ?? []));
  const claims: ClaimSource[] = [];
  const fileOf = new Map<string, string>();
  for (const c of sources.claimFiles) {
    for (const claim of parse(ClaimFile, c.file, c.data) ?? []) {
      if (fileOf.has(claim.id)) problems.push(`${c.file}: claim id "${claim.id}" is also used in ${fileOf.get(claim.id)}`);
      fileOf.set(claim.id, c.file);
      claims.push(claim);
    }
  }
  for (const [id, concept] of Object.entries(lexicon.concepts)) {
    for (const f of concept.forms) checkForm(f, `lexicon: concepts.${id}`, problems);
  }
  for (const [kind, forms] of Object.entries(lexicon.cues)) {
    for (const f of forms) checkForm(f, `lexicon: cues.${kind}`, problems);
  }

  const studyIds = new Set<string>();
  for (const s of studies) {
    if (studyIds.has(s.id)) problems.push(`bibliography: study id "${s.id}" appears twice`);
    studyIds.add(s.id);
  }
  const conceptIds = new Set(Object.keys(lexicon.concepts));
  for (const claim of claims) {
    const where = `${fileOf.get(claim.id)}: ${claim.id}`;
    for (const s of claim.studies) if (!studyIds.has(s)) problems.push(`${where}: unknown study id "${s}"`);
    const used = [...claim.subject, ...claim.patterns.flatMap((p) => [...p.all.flat(), ...(p.none ?? [])]), ...(claim.outdated?.when ?? [])];
    for (const c of used) if (!conceptIds.has(c)) problems.push(`${where}: unknown concept "${c}"`);
  }
  if (problems.length > 0) throw new DbError(problems);

  const compiledClaims: CompiledClaim[] = claims.map((c) => ({
    id: c.id,
    topic: c.topic,
    condition: c.condition,
    statement: c.statement,
    level: c.level,
    rationale: c.rationale,
    studies: c.studies,
    reviewed: c.reviewed,
    subject: c.subject,
    patterns: c.patterns.map((p) => ({ all: p.all, none: p.none ?? [] })),
    outdated: c.outdated ?? null,
    phrasedNegatively: c.phrasedNegatively,
    nullResultSupports: c.nullResultSupports,
  }));
  const db: CompiledDb = {
    format: 'evidence-lens/db@1',
    version: '',
    reviewed: claims.map((c) => c.reviewed).sort().at(-1) ?? '',
    concepts: lexicon.concepts,
    cues: lexicon.cues,
    claims: compiledClaims,
    studies: Object.fromEntries(studies.map((s) => [s.id, summarise(s)])),
  };
  db.version = `${db.reviewed}.${fnv1a(JSON.stringify(db))}`;
  return { db, claims, fileOf };
}

function mergeLexicons(files: { file: string; data: LexiconFile | null }[], problems: string[]): LexiconSource {
  const concepts: LexiconSource['concepts'] = {};
  const definedIn = new Map<string, string>();
  const cues = Object.fromEntries(CUE_KINDS.map((k) => [k, [] as string[]])) as LexiconSource['cues'];
  for (const { file, data } of files) {
    for (const [id, c] of Object.entries(data?.concepts ?? {})) {
      if (definedIn.has(id)) problems.push(`${file}: concept "${id}" is already defined in ${definedIn.get(id)}`);
      definedIn.set(id, file);
      concepts[id] = { ...c, forms: [...c.forms] };
    }
    for (const [kind, forms] of Object.entries(data?.cues ?? {})) cues[kind as keyof typeof cues].push(...(forms ?? []));
  }
  for (const { file, data } of files) {
    for (const [id, forms] of Object.entries(data?.extend ?? {})) {
      const target = concepts[id];
      if (target) target.forms.push(...forms);
      else problems.push(`${file}: extends unknown concept "${id}"`);
    }
  }
  for (const kind of CUE_KINDS) if (cues[kind].length === 0) problems.push(`lexicon: no forms for the cue "${kind}"`);
  if (!concepts['ldn']) problems.push('lexicon: the concept "ldn" (the page subject) must be defined');
  return { concepts, cues };
}

function checkForm(form: string, where: string, problems: string[]): void {
  try {
    compileForm(form);
  } catch (e) {
    problems.push(`${where}: ${(e as Error).message}`);
  }
}

function summarise(s: StudySource): StudySummary {
  const names = (s.author ?? []).map((a) => ('literal' in a ? a.literal : a.family));
  const authors = displayAuthors(names);
  return {
    id: s.id,
    title: s.title,
    authors,
    authorFamilies: names,
    journal: s['container-title'] ?? null,
    year: s.issued?.['date-parts'][0]?.[0] ?? null,
    doi: s.DOI ?? null,
    pmid: s.PMID ?? null,
    pmcid: s.PMCID ?? null,
    nct: s.custom.nct ?? null,
    design: s.custom.design,
    participants: s.custom.participants,
    finding: s.custom.finding,
    dose: s.custom.dose,
    verified: s.custom.verified,
    seen: s.custom.seen ?? true,
    type: s.type,
    trial: s.custom.trial ?? null,
  };
}

/** 32-bit FNV-1a: a short, stable fingerprint of the sources (not a security hash). */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
