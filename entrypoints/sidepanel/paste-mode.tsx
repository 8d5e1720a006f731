/** Paste-text mode: checks text pasted into the panel, right here, as text about LDN. */
import { useState } from 'preact/hooks';
import { checkPage } from '../../src/core/pipeline';
import type { Report } from '../../src/core/report-schema';
import { bundledDb } from '../../src/extension/db';
import { ReportView } from './report-view';

export function PasteMode() {
  const [text, setText] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      setReport(checkPage({ kind: 'text', text }, bundledDb(), { assumeAboutLdn: true }));
    } catch (err) {
      setReport(null);
      setError(`The check failed: ${String(err)}`);
    }
  };
  return (
    <section aria-label="Check pasted text">
      <form onSubmit={run}>
        <label for="paste">Paste text (an email, a message, part of a page):</label>
        <textarea id="paste" rows={8} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        <button type="submit" disabled={text.trim() === ''}>Check text</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {report && <ReportView report={report} />}
    </section>
  );
}
