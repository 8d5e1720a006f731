/**
 * A report in the panel: summary, notices, the "All claims" / "Not yet reviewed" / "Citations"
 * views, a filter by label, the claim cards in page order, the printable summary and the export
 * bar. Used for checked pages and for pasted text alike.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LEVELS, type Level } from '../../src/core/levels';
import { summaryLine } from '../../src/core/format/summary';
import type { Report } from '../../src/core/report-schema';
import type { Anchoring, Orphan } from '../../src/extension/messages';
import type { Audience } from '../../src/extension/settings';
import { CitationsView } from './citations-view';
import { ClaimCard, PLAIN_LABEL } from './claim-card';
import { ExportBar } from './export-bar';
import { printSummary } from './print-summary';
import { tabPanelProps, Tabs } from './tabs';

type View = 'all' | 'not-reviewed' | 'citations';

interface Props {
  report: Report;
  /** Who the report is shown for: plain words (patient), the studies (clinician), or citations and exports first (journalist). */
  audience?: Audience;
  onReveal?: (index: number) => void;
  onCheckAnyway?: () => void;
  /** The report came from "Check anyway": say so instead of offering it again. */
  checkedAnyway?: boolean;
  anchoring?: Anchoring | null;
  /** The current claim (moved to by a card or a shortcut); `seq` changes on each keyboard move, which focuses its card. */
  current?: { index: number; seq: number } | null;
}

/** Why a claim is listed under "Not found on the page", in words. */
const ORPHAN_TEXT: Record<Orphan['reason'], string> = {
  gone: 'The sentence is no longer on the page.',
  hidden: 'The text is hidden on the page.',
};

/** Notices the panel shows as their own state rather than as a line of text. */
const STATE_NOTICES = new Set(['no-text', 'not-about-ldn', 'not-english', 'truncated', 'no-claims']);

/** Words of the checked text's end quoted in the "only the first part was checked" notice. */
const TAIL_WORDS = 8;

/** What part of a cut page was checked: its length, and the words it ends with. */
function checkedPart(report: Report): string {
  const text = report.articleText.trimEnd();
  const words = (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  const tail = text.split(/\s+/).slice(-TAIL_WORDS).join(' ');
  return `Only the first ${text.length.toLocaleString('en')} characters of its text (about ${words.toLocaleString('en')} words) were checked, ending “…${tail}”.`;
}

export function ReportView({ report, audience = 'patient', onReveal, onCheckAnyway, checkedAnyway = false, anchoring, current }: Props) {
  const [chosen, setView] = useState<View>('all');
  const journalist = audience === 'journalist';
  // The journalist view lists the citations above the claims, so its tabs are the claim views only.
  const view: View = journalist && chosen === 'citations' ? 'all' : chosen;
  const [filter, setFilter] = useState<Level | 'all'>('all');
  const has = (code: string) => report.notices.some((n) => n.code === code);
  const indexed = useMemo(() => report.claims.map((claim, index) => ({ claim, index })), [report]);
  const orphans = useMemo(() => new Map((anchoring?.orphans ?? []).map((o) => [o.index, o.reason])), [anchoring]);
  const notReviewed = indexed.filter((x) => x.claim.label === 'not-reviewed').length;
  const inView = indexed.filter((x) =>
    (view === 'all' || x.claim.label === 'not-reviewed') && (filter === 'all' || x.claim.label === filter));
  const shown = inView.filter((x) => !orphans.has(x.index));
  const notFound = inView.filter((x) => orphans.has(x.index));
  const root = useRef<HTMLElement>(null);
  // A keyboard move focuses the current card's sentence (scrolling it into view), as clicking it would.
  useEffect(() => {
    if (!current || current.seq === 0) return;
    root.current?.querySelector<HTMLElement>(`li.card[data-index="${current.index}"] .sentence`)?.focus();
  }, [current]);
  const cards = (list: typeof shown) => list.map(({ claim, index }) => (
    <ClaimCard key={index} audience={audience} report={report} claim={claim} index={index} current={current?.index === index}
      onReveal={orphans.has(index) ? undefined : onReveal} orphan={orphans.has(index) ? ORPHAN_TEXT[orphans.get(index)!] : undefined} />
  ));
  const unverified = report.citations.filter((c) => c.status !== 'verified').length;
  const present = LEVELS.filter((l) => report.stats.byLabel[l.value]);

  if (has('no-text')) {
    return <div class="state" role="status"><h2>No article found</h2><p>This page has no readable text to check. Try the paste-text mode with the text you want checked.</p></div>;
  }
  return (
    <section aria-label="Report" ref={root}>
      {report.source.title && <h2 class="page-title">{report.source.title}</h2>}
      <p class="summary" data-testid="summary">{audience === 'patient' ? summaryLine(report, (level) => PLAIN_LABEL[level].toLowerCase()) : summaryLine(report)}</p>
      <button type="button" class={audience === 'clinician' ? 'print-button primary' : 'print-button'} onClick={() => printSummary(report)}>Printable summary</button>
      {journalist && <ExportBar report={report} />}
      {(has('not-about-ldn') || has('not-english')) && (
        <div class="state" role="status" data-notice={has('not-english') ? 'not-english' : 'not-about-ldn'}>
          {has('not-english') && <p>This page does not seem to be in English. Evidence Lens reads English only, so claims in it may be missed or misread.</p>}
          {has('not-about-ldn') && <p>This page does not seem to be about low-dose naltrexone (LDN); only sentences that name it were checked.</p>}
          {checkedAnyway
            ? <p>Checked anyway, as a page about LDN.</p>
            : onCheckAnyway && <button type="button" onClick={onCheckAnyway}>Check anyway, as a page about LDN</button>}
        </div>
      )}
      {has('truncated') && (
        <p class="notice notice-truncated" role="status">The page is very long. {checkedPart(report)}</p>
      )}
      {report.notices.filter((n) => !STATE_NOTICES.has(n.code)).map((n) => (
        <p class={`notice notice-${n.code}`} key={n.code}>{n.message}</p>
      ))}
      {anchoring && anchoring.anchored < anchoring.total && (
        <p class="notice">{anchoring.total - anchoring.anchored} of {anchoring.total} claims could not be found in the page, so they are not highlighted there; they are listed under “Not found on the page”.</p>
      )}
      {report.claims.length === 0 && report.citations.length === 0 ? (
        <div class="state" role="status"><h2>No claims found</h2><p>No health claims about LDN were found here. That is not a verdict on the page.</p></div>
      ) : (
        <>
          {journalist && (
            <section class="journalist-citations" aria-labelledby="citations-heading">
              <h3 id="citations-heading">Citations ({report.citations.length}){unverified > 0 && `, ${unverified} not verified`}</h3>
              <CitationsView report={report} />
            </section>
          )}
          {journalist && <h3 class="claims-heading">Claims ({report.claims.length})</h3>}
          <div class="toolbar">
            <Tabs name="view" label="Which claims" selected={view} onSelect={setView} tabs={[
              { id: 'all', text: `All claims (${report.claims.length})` },
              { id: 'not-reviewed', text: `Not yet reviewed (${notReviewed})` },
              ...(journalist ? [] : [{ id: 'citations' as const, text: <>Citations ({report.citations.length}){unverified > 0 && <span class="tab-note">, {unverified} not verified</span>}</> }]),
            ]} />
            {view !== 'citations' && (
              <label class="filter">Label{' '}
                <select value={filter} onChange={(e) => setFilter((e.currentTarget as HTMLSelectElement).value as Level | 'all')}>
                  <option value="all">All labels</option>
                  {present.map((l) => <option value={l.value} key={l.value}>{audience === 'patient' ? PLAIN_LABEL[l.value] : l.text} ({report.stats.byLabel[l.value]})</option>)}
                </select>
              </label>
            )}
          </div>
          <div {...tabPanelProps('view', view)}>
            {view === 'citations' ? <CitationsView report={report} />
              : inView.length === 0
                ? <p class="state" role="status">{report.claims.length === 0 ? 'No health claims about LDN were found here.' : 'No claims in this view.'}</p>
                : <>
                    {shown.length > 0 && <ol class="cards" aria-label="Claims in page order">{cards(shown)}</ol>}
                    {notFound.length > 0 && (
                      <section class="not-found" aria-labelledby="not-found-heading">
                        <h3 id="not-found-heading">Not found on the page ({notFound.length})</h3>
                        <p class="setting-help">The check read these claims, but they cannot be highlighted in the page as it is now. They are found again when the page changes.</p>
                        <ol class="cards" aria-label="Claims not found on the page">{cards(notFound)}</ol>
                      </section>
                    )}
                  </>}
          </div>
        </>
      )}
      {!journalist && <ExportBar report={report} />}
    </section>
  );
}
