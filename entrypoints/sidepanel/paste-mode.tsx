/**
 * Paste-text mode: text pasted into the panel is checked, as text about LDN, by the background
 * (which holds the pipeline and the claims database; the panel is UI only).
 */
import { useState } from 'preact/hooks';
import type { Report } from '../../src/core/report-schema';
import type { Audience } from '../../src/extension/settings';
import { checkText } from './panel-api';
import { ReportView } from './report-view';

export function PasteMode({ audience }: { audience: Audience }) {
  const [text, setText] = useState('');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const r = await checkText(text);
    setBusy(false);
    setReport(r.ok ? r.report : null);
    if (!r.ok) setError(r.message);
  };
  return (
    <section aria-label="Check pasted text">
      <form onSubmit={(e) => void run(e)}>
        <label for="paste">Paste text (an email, a message, part of a page):</label>
        <textarea id="paste" rows={8} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
        <button type="submit" disabled={busy || text.trim() === ''}>Check text</button>
      </form>
      {error && <p class="error" role="alert">{error}</p>}
      {report && <ReportView audience={audience} report={report} />}
    </section>
  );
}
