/** Command-line arguments -> a typed command, or a usage error saying what to do. */

export const FORMATS = ['text', 'json', 'md', 'claimreview', 'annotations', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export type Command =
  | { kind: 'check'; target: string | null; format: Format; db: string | null; quiet: boolean; assumeLdn: boolean; online: boolean }
  | { kind: 'schema' }
  | { kind: 'help' }
  | { kind: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage:
  evidence-lens check [<file.html | file.txt | url | ->] [options]
      Checks a saved page, a URL or text on standard input (-). With no target it checks a
      bundled sample page.
      --format <format>       text (default), json (the Report), md (Markdown),
                              claimreview (schema.org JSON-LD), annotations (W3C Web
                              Annotation JSON-LD) or csv (one row per claim)
      --db <dir>              use another claims database directory
      --assume-ldn            check as a page about LDN even if it does not name it
      --quiet                 print only the summary line (text format)
      --online                look up citations the bibliography lacks in Crossref, PubMed
                              and ClinicalTrials.gov (sends their DOIs, ids and titles)
  evidence-lens schema        prints the JSON Schema of the --format json report
  evidence-lens --help | --version

Exit codes: 0 checked; 2 bad usage or unreadable input; 1 internal error.`;


export function parseArgs(argv: string[]): Command {
  const args = [...argv];
  if (args.includes('--help') || args.includes('-h')) return { kind: 'help' };
  if (args.includes('--version') || args.includes('-v')) return { kind: 'version' };
  let verb = 'check';
  if (args[0] === 'check' || args[0] === 'schema') verb = args.shift()!;
  else if (args[0] !== undefined && /^[a-z]+$/.test(args[0]) && !args[0].includes('.') && args.length === 1 && !looksLikePath(args[0])) {
    throw new UsageError(`unknown command "${args[0]}"; use "check" or "schema" (see --help)`);
  }
  if (verb === 'schema') {
    if (args.length > 0) throw new UsageError(`"schema" takes no arguments (got ${args.join(' ')})`);
    return { kind: 'schema' };
  }
  const cmd: Extract<Command, { kind: 'check' }> = { kind: 'check', target: null, format: 'text', db: null, quiet: false, assumeLdn: false, online: false };
  while (args.length > 0) {
    const a = args.shift()!;
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a.includes('=') ? a.slice(9) : args.shift();
      if (!v || !(FORMATS as readonly string[]).includes(v)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} (got ${v ?? 'nothing'})`);
      cmd.format = v as Format;
    } else if (a === '--db' || a.startsWith('--db=')) {
      const v = a.includes('=') ? a.slice(5) : args.shift();
      if (!v) throw new UsageError('--db needs a directory, e.g. --db ./claims-db');
      cmd.db = v;
    } else if (a === '--quiet' || a === '-q') {
      cmd.quiet = true;
    } else if (a === '--assume-ldn') {
      cmd.assumeLdn = true;
    } else if (a === '--online') {
      cmd.online = true;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a} (see --help)`);
    } else if (cmd.target !== null) {
      throw new UsageError(`check takes one page at a time (got ${cmd.target} and ${a})`);
    } else {
      cmd.target = a;
    }
  }
  return cmd;
}

function looksLikePath(s: string): boolean {
  return s.includes('/') || s.includes('\\');
}
