/**
 * evidence-lens: the command line around the core pipeline. Everything Node-specific (files,
 * URLs, standard streams, exit codes) lives here; src/core knows none of it.
 */
import type { Readable, Writable } from 'node:stream';
import { bundledDb } from '../../bundled-db';
import { prepareDb, type PreparedDb } from '../../core/db';
import { formatClaimReview } from '../../core/format/claimreview';
import { formatCsv } from '../../core/format/csv';
import { formatMarkdown } from '../../core/format/markdown';
import { formatWebAnnotations } from '../../core/format/web-annotation';
import { formatText } from '../../core/format/text';
import { checkPage } from '../../core/pipeline';
import { reportJsonSchema, type Report } from '../../core/report-schema';
import { DbError } from '../../db/compile';
import { documentInput, looksLikeHtml } from '../dom';
import { loadDbSources } from '../load-db';
import { parseArgs, UsageError, USAGE, type Command, type Format } from './args';
import { InputError, readPage } from './input';
import { lookUpOnline } from './online';

export interface Streams {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

/** Runs the CLI and returns its exit code: 0 checked, 2 bad usage or input, 1 internal error. */
export async function main(argv: string[], io: Streams): Promise<number> {
  const fail = (code: number, message: string) => {
    io.stderr.write(`evidence-lens: ${message}\n`);
    return code;
  };
  let cmd: Command;
  try {
    cmd = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return fail(2, `${e.message}\n${USAGE}`);
    throw e;
  }
  try {
    if (cmd.kind === 'help') {
      io.stdout.write(USAGE + '\n');
      return 0;
    }
    if (cmd.kind === 'version') {
      io.stdout.write(`evidence-lens ${VERSION} (claims database ${bundledDb.version})\n`);
      return 0;
    }
    if (cmd.kind === 'schema') {
      io.stdout.write(JSON.stringify(reportJsonSchema(), null, 2) + '\n');
      return 0;
    }
    const db = loadDb(cmd.db);
    const page = await readPage(cmd.target, io.stdin);
    const input = looksLikeHtml(page.content) ? documentInput(page.content) : { kind: 'text' as const, text: page.content };
    const checked = checkPage(input, db, { url: page.url, assumeAboutLdn: cmd.assumeLdn });
    const report = cmd.online ? await lookUpOnline(checked, process.env) : checked;
    if (report.notices.some((n) => n.code === 'no-text')) {
      return fail(2, `${page.origin} has no readable text (only markup, scripts or images); save the article itself, or paste its text to "evidence-lens check -"`);
    }
    io.stdout.write(render(report, cmd.format, { color: isTty(io.stdout), quiet: cmd.quiet }));
    return 0;
  } catch (e) {
    if (e instanceof InputError) return fail(2, e.message);
    if (e instanceof DbError) return fail(2, `${cmd.kind === 'check' ? cmd.db : ''}: ${e.message}`);
    return fail(1, `internal error: ${(e as Error).stack ?? String(e)}\nPlease report this with the page that caused it.`);
  }
}

function loadDb(dir: string | null): PreparedDb {
  if (dir === null) return prepareDb(bundledDb);
  try {
    return prepareDb(loadDbSources(dir).db);
  } catch (e) {
    if (e instanceof DbError) throw e;
    throw new InputError(`cannot read the claims database at ${dir}: ${(e as Error).message}`);
  }
}

function render(report: Report, format: Format, text: { color: boolean; quiet: boolean }): string {
  const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
  switch (format) {
    case 'json': return json(report);
    case 'md': return formatMarkdown(report);
    case 'claimreview': return json(formatClaimReview(report));
    case 'annotations': return json(formatWebAnnotations(report));
    case 'csv': return formatCsv(report);
    case 'text': return formatText(report, text);
  }
}

function isTty(s: Writable): boolean {
  return Boolean((s as { isTTY?: boolean }).isTTY) && !process.env['NO_COLOR'];
}
