/**
 * The "Online citation look-up" setting (issue 5; off by default). Turning it on asks the browser
 * for the three services' hosts right in the click (the browser shows its prompt only during
 * one); turning it off gives them back and forgets the cached look-ups. While it is off, or its
 * hosts are not granted, nothing leaves the device (src/extension/online-lookup.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { hasLookupAccess, lookupOrigins } from '../../src/extension/lookup-access';
import { clearLookupCache } from '../../src/extension/lookup-cache';
import { loadSettings, updateSettings } from '../../src/extension/settings';

export function LookupSetting() {
  const [on, setOn] = useState<boolean | null>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    // On only if both: the user may have removed the hosts in the browser's own settings.
    void Promise.all([loadSettings(), hasLookupAccess()]).then(([s, access]) => setOn(s.onlineLookup && access));
  }, []);

  const toggle = async (next: boolean) => {
    setNote(null);
    setOn(next);
    if (next) {
      const granted = await browser.permissions.request({ origins: lookupOrigins() }).catch(() => false);
      if (!granted) {
        setOn(false);
        return setNote('Online look-up stays off: it needs permission to reach Crossref, PubMed and ClinicalTrials.gov.');
      }
    }
    await updateSettings({ onlineLookup: next });
    if (!next) {
      await browser.permissions.remove({ origins: lookupOrigins() }).catch(() => false);
      await clearLookupCache();
    }
    setNote(next
      ? 'Citations the bibliography does not hold are looked up online when a page is checked.'
      : 'Online look-up is off: nothing leaves your device.');
  };

  return (
    <>
      <label class="setting">
        <input type="checkbox" checked={on ?? false} disabled={on === null} aria-describedby="lookup-help"
          onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)} />
        Online citation look-up
      </label>
      <p id="lookup-help" class="setting-help">Sends the DOIs, ids and titles of citations the bibliography does not hold to Crossref, PubMed and ClinicalTrials.gov; nothing else leaves your device.</p>
      {note && <p class="setting-note" role="status">{note}</p>}
    </>
  );
}
