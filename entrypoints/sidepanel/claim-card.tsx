/**
 * One claim: label badge (icon + words + colour), the sentence, the verdict, its studies (with a
 * registered trial's status), how it was matched, a link to the sentence and "This match is wrong".
 */
import { useState } from 'preact/hooks';
import { FLAG_TEXT, type Flag, type Level } from '../../src/core/levels';
import { studyCitation, studyLinks, trialStatusText } from '../../src/core/format/summary';
import type { Report, ReportClaim } from '../../src/core/report-schema';
import { LABEL_STYLES } from '../../src/extension/label-style';
import type { Audience } from '../../src/extension/settings';
import { recordWrongMatch } from '../../src/extension/wrong-matches';
import { CitationStatusBadge, ClaimCitations } from './citations-view';
import { copyText } from './exports';
import { claimLink } from '../../src/core/format/text-fragment';

/** Each label's verdict in everyday words, for the patient view (no "RCT"). */
export const PLAIN_LABEL: Record<Level, string> = {
  established: 'Well established',
  'rct-support': 'A few small trials support it',
  'rct-mixed': 'Trials disagree',
  'rct-against': 'Trials found it does not work',
  'no-rct': 'Not tested in a proper trial yet',
  'case-reports-only': 'Only stories about single patients',
  'preclinical-only': 'Only tested in the lab or in animals',
  'no-evidence': 'No published evidence',
  'not-reviewed': 'Not yet reviewed',
};

/** The flags as plain phrases, for the patient view. */
const PLAIN_FLAG: Record<Flag | 'hedged', string> = {
  overstated: 'The page says more than the evidence shows',
  'unsourced-study': 'The page mentions a study without saying which',
  outdated: 'Newer evidence exists',
  negated: 'The page disagrees with this claim',
  hedged: 'The page says this cautiously',
};

export function LabelBadge({ claim, plain = false }: { claim: Pick<ReportClaim, 'label' | 'labelText'>; plain?: boolean }) {
  const s = LABEL_STYLES[claim.label];
  return (
    <span class="badge" style={{ backgroundColor: s.color }} data-label={claim.label}>
      <span class="badge-icon" aria-hidden="true">{s.icon}</span> {plain ? PLAIN_LABEL[claim.label] : claim.labelText}
    </span>
  );
}

function flagsOf(c: ReportClaim, plain: boolean): string[] {
  const flags: (Flag | 'hedged')[] = [...c.flags, ...(c.hedged ? ['hedged' as const] : [])];
  return flags.map((f) => (plain ? PLAIN_FLAG[f] : f === 'hedged' ? 'Hedged' : FLAG_TEXT[f]));
}

interface Props {
  report: Report;
  /** The patient view shows the verdict and why in plain words only; the clinician view opens the studies. */
  audience?: Audience;
  claim: ReportClaim;
  index: number;
  /** Absent in paste-text mode (there is no page to scroll) and for a claim not found on the page. */
  onReveal?: (index: number) => void;
  /** The claim last moved to, by a click or the next/previous-claim shortcut. */
  current?: boolean;
  /** Why the claim is not found on the page, in words; absent when it is highlighted there. */
  orphan?: string;
}

export function ClaimCard({ report, audience = 'patient', claim, index, onReveal, current = false, orphan }: Props) {
  const plain = audience === 'patient';
  const flags = flagsOf(claim, plain);
  const [note, setNote] = useState<string | null>(null);
  const reveal = () => onReveal?.(index);
  const pageUrl = report.source.url;
  const copyLink = async () => {
    if (!pageUrl) return;
    setNote((await copyText(claimLink(pageUrl, report.articleText, claim))) ? 'Link copied.' : 'Copying the link failed.');
  };
  const wrongMatch = async () => {
    try {
      await recordWrongMatch({ sentence: claim.sentence, claimId: claim.claimId, pageUrl, date: new Date().toISOString() });
      setNote('Recorded as a wrong match. “Wrong-match report” downloads what you recorded.');
    } catch {
      setNote('The wrong match could not be recorded.');
    }
  };
  const onCardClick = (e: MouseEvent) => {
    // Links, buttons and disclosures inside the card do their own thing.
    if ((e.target as Element).closest('a, button, details')) return;
    reveal();
  };
  return (
    <li class={`card${onReveal ? ' revealable' : ''}${current ? ' current' : ''}${orphan ? ' orphan' : ''}`} data-index={index} data-label={claim.label}
      aria-current={current ? 'true' : undefined}
      style={{ borderInlineStartColor: LABEL_STYLES[claim.label].color }} onClick={onCardClick}>
      <div class="card-head">
        <LabelBadge claim={claim} plain={plain} />
        {flags.map((f) => <span class="flag" key={f}>{f}</span>)}
        {current && <span class="current-tag">Current</span>}
      </div>
      {orphan && <p class="orphan-reason"><strong>Not found on the page:</strong> {orphan}</p>}
      {onReveal
        ? <button type="button" class="sentence" onClick={reveal} aria-label={`Show in page: ${claim.sentence}`}>“{claim.sentence}”</button>
        : <p class="sentence">“{claim.sentence}”</p>}
      {!plain && claim.statement && <p class="statement"><strong>Claim:</strong> {claim.statement}</p>}
      {claim.rationale && <p class="rationale"><strong>{plain ? 'Why:' : 'Why this label:'}</strong> {claim.rationale}</p>}
      {!plain && claim.outdatedNote && <p class="rationale"><strong>Outdated:</strong> {claim.outdatedNote}</p>}
      {plain ? <PlainCitations report={report} indexes={claim.citations} /> : <ClaimCitations report={report} indexes={claim.citations} />}
      {claim.label === 'not-reviewed' && (
        <p class="rationale">{plain ? 'This claim has not been checked yet.' : 'The claims database does not cover this claim yet; it has not been checked.'}</p>
      )}
      {!plain && claim.studies.length > 0 && (
        <details class="studies" open={audience === 'clinician'}>
          <summary>{claim.studies.length} stud{claim.studies.length === 1 ? 'y' : 'ies'}</summary>
          <ul>
            {claim.studies.map((id) => {
              const s = report.studies[id];
              if (!s) return null;
              return (
                <li key={id}>
                  <span class="study-cite">{studyCitation(s)}</span>{' '}
                  <span class="study-design">({s.design}{s.participants ? `, n=${s.participants}` : ''})</span>
                  {trialStatusText(s.trial) && <span class="study-trial">{trialStatusText(s.trial)}</span>}
                  <span class="study-finding">{s.finding}</span>
                  <span class="study-links">
                    {studyLinks(s).map((l) => (
                      <a key={l.url} href={l.url} target="_blank" rel="noopener noreferrer">{l.label}</a>
                    ))}
                  </span>
                </li>
              );
            })}
          </ul>
        </details>
      )}
      {!plain && <details class="provenance">
        <summary>How this was matched</summary>
        <dl>
          <dt>Database claim</dt><dd class="claim-id">{claim.claimId ?? 'None: the database does not cover it'}</dd>
          <dt>Matched words</dt>
          <dd class="words">{claim.why.words.length > 0 ? claim.why.words.map((w, i) => <span class="word" key={`${w}-${i}`}>{w}</span>) : 'None'}</dd>
          <dt>Match score</dt><dd class="score">{claim.why.score.toFixed(2)}</dd>
          <dt>Database version</dt><dd class="db-version">{report.database.version}</dd>
          <dt>Database reviewed</dt><dd class="db-reviewed">{report.database.reviewed}</dd>
        </dl>
      </details>}
      <div class="card-actions">
        {pageUrl && <button type="button" onClick={() => void copyLink()}>Copy link</button>}
        <button type="button" onClick={() => void wrongMatch()}>This match is wrong</button>
        <span class="card-note" role="status" aria-live="polite">{note}</span>
      </div>
    </li>
  );
}

/** The patient view's citation line: only the status in words, without the reasons (which name identifiers). */
function PlainCitations({ report, indexes }: { report: Report; indexes: number[] }) {
  const cited = indexes.flatMap((i) => (report.citations[i] ? [report.citations[i]] : []));
  if (cited.length === 0) return null;
  return (
    <p class="claim-citations"><strong>{cited.length === 1 ? 'The study the page cites:' : 'The studies the page cites:'}</strong>{' '}
      {cited.map((c, j) => <CitationStatusBadge key={j} status={c.status} />)}
    </p>
  );
}
