/**
 * A row of tabs as the WAI-ARIA tabs pattern has it: one tab in the Tab order (the selected one),
 * arrow keys move between tabs and select them, Home and End go to the first and last. The
 * content it switches is a `tabpanel` labelled by the selected tab (`tabPanelProps`).
 */
import type { ComponentChildren } from 'preact';

export interface TabItem<T extends string> {
  id: T;
  text: ComponentChildren;
}

interface Props<T extends string> {
  /** Unique in the page: prefixes the tabs' and the panel's ids. */
  name: string;
  label: string;
  tabs: TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
  class?: string;
}

const tabId = (name: string, id: string) => `${name}-tab-${id}`;
const panelId = (name: string) => `${name}-panel`;

export function Tabs<T extends string>({ name, label, tabs, selected, onSelect, class: cls }: Props<T>) {
  const onKeyDown = (e: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    const to = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? (at + 1) % tabs.length
      : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? (at - 1 + tabs.length) % tabs.length
        : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    const next = tabs[to]!.id;
    onSelect(next);
    const list = e.currentTarget as HTMLElement;
    list.querySelector<HTMLElement>(`#${CSS.escape(tabId(name, next))}`)?.focus();
  };
  return (
    <div role="tablist" aria-label={label} class={cls} onKeyDown={onKeyDown}>
      {tabs.map((t) => (
        <button type="button" role="tab" key={t.id} id={tabId(name, t.id)} aria-selected={t.id === selected}
          aria-controls={panelId(name)} tabIndex={t.id === selected ? 0 : -1} onClick={() => onSelect(t.id)}>
          {t.text}
        </button>
      ))}
    </div>
  );
}

/** Props for the element the tabs switch. */
export function tabPanelProps(name: string, selected: string) {
  return { role: 'tabpanel', id: panelId(name), 'aria-labelledby': tabId(name, selected) } as const;
}
