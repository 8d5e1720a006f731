/**
 * Who the report is shown for, as a labelled group of radio buttons (arrow keys move between
 * them, as in any radio group): patients (plain words), clinicians (the studies) or journalists
 * (the citations and exports first). The choice is kept in the settings.
 */
import type { Audience } from '../../src/extension/settings';

export const AUDIENCES: { id: Audience; text: string; help: string }[] = [
  { id: 'patient', text: 'Patient', help: 'plain words' },
  { id: 'clinician', text: 'Clinician', help: 'the studies' },
  { id: 'journalist', text: 'Journalist', help: 'citations and exports first' },
];

export function AudienceSwitch({ value, disabled, onChange }: { value: Audience; disabled: boolean; onChange: (v: Audience) => void }) {
  return (
    <fieldset class="audience" role="radiogroup" aria-labelledby="audience-legend">
      <legend id="audience-legend">Show the report for</legend>
      {AUDIENCES.map((a) => (
        <label class="setting" key={a.id}>
          <input type="radio" name="audience" value={a.id} checked={value === a.id} disabled={disabled}
            onChange={() => onChange(a.id)} />
          {a.text} <span class="audience-help">({a.help})</span>
        </label>
      ))}
    </fieldset>
  );
}
