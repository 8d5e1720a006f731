/**
 * For tests only: answers requests in the formats of Crossref, PubMed's E-utilities and
 * ClinicalTrials.gov from the fixtures in tests/fixtures/online/, by path (any origin), so unit
 * tests (a fake `fetch`), the CLI test and the end-to-end test (a server on 127.0.0.1) share
 * one fake. It holds one DOI, one title on Crossref, one PubMed record and one trial.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'online');
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

/** What the fake holds. */
export const KNOWN = {
  doi: '10.5555/ldn.2020.001',
  crossrefTitle: 'Low-dose naltrexone and sleep quality in long COVID: a randomised feasibility trial',
  pmid: '39000001',
  pubmedTitle: 'Fatigue in relapsing multiple sclerosis treated with low-dose naltrexone: a registry study',
  nct: 'NCT09000001',
};

export function answer(url: string): { status: number; body: unknown } {
  const u = new URL(url);
  const path = decodeURIComponent(u.pathname);
  const q = (k: string) => u.searchParams.get(k) ?? '';
  if (path === '/works') {
    return { status: 200, body: q('query.bibliographic').toLowerCase().includes('sleep quality') ? fixture('crossref-works.json') : { status: 'ok', message: { items: [] } } };
  }
  if (path.startsWith('/works/')) {
    return path.slice('/works/'.length).toLowerCase() === KNOWN.doi ? { status: 200, body: fixture('crossref-work.json') } : { status: 404, body: undefined };
  }
  if (path === '/entrez/eutils/esearch.fcgi') {
    return { status: 200, body: q('term').toLowerCase().includes('relapsing multiple sclerosis') ? fixture('pubmed-esearch.json') : { esearchresult: { count: '0', idlist: [] } } };
  }
  if (path === '/entrez/eutils/esummary.fcgi') {
    const ids = q('id').split(',');
    if (q('db') === 'pubmed' && ids.includes(KNOWN.pmid)) return { status: 200, body: fixture('pubmed-esummary.json') };
    return { status: 200, body: { result: { uids: ids, ...Object.fromEntries(ids.map((id) => [id, { uid: id, error: 'cannot get document summary' }])) } } };
  }
  if (path.startsWith('/api/v2/studies/')) {
    return path.endsWith(KNOWN.nct) ? { status: 200, body: fixture('clinicaltrials-study.json') } : { status: 404, body: undefined };
  }
  return { status: 404, body: undefined };
}

export interface ScholarlyServer {
  origin: string;
  /** Every path and query asked, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** The fake as an HTTP server on 127.0.0.1 (a free port). */
export async function serveScholarly(): Promise<ScholarlyServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const a = answer(`http://127.0.0.1${req.url ?? '/'}`);
    if (a.body === undefined) res.writeHead(a.status, { 'content-type': 'text/plain' }).end('Resource not found.');
    else res.writeHead(a.status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(a.body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((r) => server.close(() => r())) };
}
