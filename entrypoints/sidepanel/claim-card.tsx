/**
 * One claim: label badge (icon + words + colour), the sentence, the verdict, its studies (with a
 * registered trial's status), how it was matched, a link to the sentence and "This match is wrong".
 */
import { useState } from 'preact/hooks';
import { FLAG_TEXT } from '../../src/core/levels';
import { studyCitation, studyLinks, trialStatusText } from '../../src/core/format/summary';
import type { Report, ReportClaim } from '../../src/core/report-schema';
import { LABEL_STYLES } from '../../src/extension/label-style';
import { recordWrongMatch } from '../../src/extension/wrong-matches';
import { ClaimCitations } from './citations-view';
import { copyText } from './exports';
import { claimLink } from '../../src/core/format/text-fragment';

export function LabelBadge({ claim }: { claim: Pick<ReportClaim, 'label' | 'labelText'> }) {
  const s = LABEL_STYLES[claim.label];
  return (
    <span class="badge" style={{ backgroundColor: s.color }} data-label={claim.label}>
      <span class="badge-icon" aria-hidden="true">{s.icon}</span> {claim.labelText}
    </span>
  );
}

function flagsOf(c: ReportClaim): string[] {
  return [...c.flags.map((f) => FLAG_TEXT[f]), ...(c.hedged ? ['Hedged'] : [])];
}

interface Props {
  report: Report;
  claim: ReportClaim;
  index: number;
  /** Absent in paste-text mode (there is no page to scroll) and for a claim not found on the page. */
  onReveal?: (index: number) => void;
  /** The claim last moved to, by a click or the next/previous-claim shortcut. */
  current?: boolean;
  /** Why the claim is not found on the page, in words; absent when it is highlighted there. */
  orphan?: string;
}

export function ClaimCard({ report, claim, index, onReveal, current = false, orphan }: Props) {
  const flags = flagsOf(claim);
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
        <LabelBadge claim={claim} />
        {flags.map((f) => <span class="flag" key={f}>{f}</span>)}
        {current && <span class="current-tag">Current</span>}
      </div>
      {orphan && <p class="orphan-reason"><strong>Not found on the page:</strong> {orphan}</p>}
      {onReveal
        ? <button type="button" class="sentence" onClick={reveal} aria-label={`Show in page: ${claim.sentence}`}>“{claim.sentence}”</button>
        : <p class="sentence">“{claim.sentence}”</p>}
      {claim.statement && <p class="statement"><strong>Claim:</strong> {claim.statement}</p>}
      {claim.rationale && <p class="rationale"><strong>Why this label:</strong> {claim.rationale}</p>}
      {claim.outdatedNote && <p class="rationale"><strong>Outdated:</strong> {claim.outdatedNote}</p>}
      <ClaimCitations report={report} indexes={claim.citations} />
      {claim.label === 'not-reviewed' && (
        <p class="rationale">The claims database does not cover this claim yet; it has not been checked.</p>
      )}
      {claim.studies.length > 0 && (
        <details class="studies">
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
      <details class="provenance">
        <summary>How this was matched</summary>
        <dl>
          <dt>Database claim</dt><dd class="claim-id">{claim.claimId ?? 'None: the database does not cover it'}</dd>
          <dt>Matched words</dt>
          <dd class="words">{claim.why.words.length > 0 ? claim.why.words.map((w, i) => <span class="word" key={`${w}-${i}`}>{w}</span>) : 'None'}</dd>
          <dt>Match score</dt><dd class="score">{claim.why.score.toFixed(2)}</dd>
          <dt>Database version</dt><dd class="db-version">{report.database.version}</dd>
          <dt>Database reviewed</dt><dd class="db-reviewed">{report.database.reviewed}</dd>
        </dl>
      </details>
      <div class="card-actions">
        {pageUrl && <button type="button" onClick={() => void copyLink()}>Copy link</button>}
        <button type="button" onClick={() => void wrongMatch()}>This match is wrong</button>
        <span class="card-note" role="status" aria-live="polite">{note}</span>
      </div>
    </li>
  );
}
