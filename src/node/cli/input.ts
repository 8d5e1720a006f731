/**
 * Reads what the user asked to check: a file, a URL (fetched only because the user gave it),
 * standard input, or the bundled sample page. Unreadable input is an InputError whose message
 * says what to do; the CLI turns it into exit code 2.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { MAX_HTML_CHARS } from '../../core/limits';
import samplePage from './sample-page.html';

export class InputError extends Error {}

export interface PageSource {
  /** Where the page came from, for the report (a URL, a file path, "stdin" or "sample"). */
  origin: string;
  url: string | null;
  content: string;
}

/** Reading stops here: the pipeline parses at most MAX_HTML_CHARS anyway, and says so. */
const MAX_READ_BYTES = 4 * MAX_HTML_CHARS;
const FETCH_TIMEOUT_MS = 20_000;

export async function readPage(target: string | null, stdin: Readable): Promise<PageSource> {
  if (target === null) return { origin: 'sample', url: null, content: samplePage };
  if (target === '-') return { origin: 'stdin', url: null, content: decode(await readStream(stdin), 'standard input') };
  if (/^https?:\/\//i.test(target)) return fetchPage(target);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) throw new InputError(`cannot read ${target}: only http and https URLs, files and - (standard input) can be checked`);
  const st = statSync(target, { throwIfNoEntry: false });
  if (!st) throw new InputError(`no such file: ${target} (check the path, or give a URL or - for standard input)`);
  if (st.isDirectory()) throw new InputError(`${target} is a directory; give one saved page (.html or .txt) inside it`);
  if (st.size > MAX_READ_BYTES) {
    throw new InputError(`${target} is ${(st.size / 1e6).toFixed(1)} MB; pages over ${MAX_READ_BYTES / 1e6} MB are not read (save just the article)`);
  }
  return { origin: target, url: null, content: decode(readFileSync(target), target) };
}

async function fetchPage(url: string): Promise<PageSource> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'text/html, text/plain;q=0.9' } });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
    throw new InputError(`could not reach ${url} (${cause}); check the address and your connection, or save the page and check the file`);
  }
  if (!res.ok) throw new InputError(`${url} answered ${res.status} ${res.statusText}; check the address, or save the page and check the file`);
  const type = res.headers.get('content-type') ?? '';
  if (type && !/text\/|html|xml/i.test(type)) {
    throw new InputError(`${url} is ${type.split(';')[0]}, not a web page; Evidence Lens reads HTML and text (copy the text and pipe it to "evidence-lens check -")`);
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { origin: url, url: res.url || url, content: decode(bytes.subarray(0, MAX_READ_BYTES), url) };
}

async function readStream(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    chunks.push(b);
    size += b.length;
    if (size >= MAX_READ_BYTES) break;
  }
  return Buffer.concat(chunks).subarray(0, MAX_READ_BYTES);
}

/** Bytes -> text, refusing binary files (images, PDFs, archives) with a message that says so. */
function decode(bytes: Uint8Array, name: string): string {
  if (bytes.length === 0) throw new InputError(`${name} is empty; nothing to check`);
  const head = bytes.subarray(0, 4096);
  if (head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46) {
    throw new InputError(`${name} is a PDF; copy its text and pipe it to "evidence-lens check -"`);
  }
  let control = 0;
  for (const b of head) if (b === 0 || (b < 9) || (b > 13 && b < 32 && b !== 27)) control++;
  if (control > head.length * 0.02) throw new InputError(`${name} looks like a binary file, not a web page or text; give a saved .html or .txt page`);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (text.trim() === '') throw new InputError(`${name} has only whitespace; nothing to check`);
  return text;
}
