/**
 * How each evidence level looks, in the panel and in the page. Colour is never the only signal:
 * every label also has an icon and its words (DESIGN.md, side panel), and in the page each level
 * has its own underline style.
 */
import { LEVEL_VALUES, type Level } from '../core/levels';

export interface LabelStyle {
  /** Strong colour for badges, borders and underlines (readable on white and on dark grey). */
  color: string;
  /** Translucent background for the in-page highlight, so the page's text stays readable. */
  wash: string;
  /** A text glyph, decorative only (the words carry the meaning). */
  icon: string;
  /** In-page underline style, so levels differ without colour too. */
  underline: 'solid' | 'double' | 'dotted' | 'dashed' | 'wavy';
}

export const LABEL_STYLES: Record<Level, LabelStyle> = {
  established: { color: '#1a7f37', wash: 'rgba(26,127,55,0.18)', icon: '★', underline: 'double' },
  'rct-support': { color: '#0a7b83', wash: 'rgba(10,123,131,0.18)', icon: '✓', underline: 'solid' },
  'rct-mixed': { color: '#9a6700', wash: 'rgba(191,135,0,0.22)', icon: '±', underline: 'dashed' },
  'rct-against': { color: '#cf222e', wash: 'rgba(207,34,46,0.16)', icon: '✗', underline: 'wavy' },
  'no-rct': { color: '#bc4c00', wash: 'rgba(251,143,68,0.25)', icon: '◐', underline: 'dotted' },
  'case-reports-only': { color: '#8250df', wash: 'rgba(130,80,223,0.18)', icon: '◔', underline: 'dotted' },
  'preclinical-only': { color: '#0969da', wash: 'rgba(9,105,218,0.16)', icon: '◇', underline: 'dashed' },
  'no-evidence': { color: '#bf3989', wash: 'rgba(191,57,137,0.18)', icon: '∅', underline: 'wavy' },
  'not-reviewed': { color: '#6e7781', wash: 'rgba(110,119,129,0.18)', icon: '?', underline: 'dotted' },
};

/** Name of the CSS highlight (and `<mark>` attribute value) for a level. */
export function highlightName(level: Level): string {
  return `evidence-lens-${level}`;
}

export const FLASH_HIGHLIGHT = 'evidence-lens-flash';
/** Attribute on the fallback `<mark>` elements; its value is the level. */
export const MARK_ATTRIBUTE = 'data-evidence-lens';
export const MARK_FLASH_ATTRIBUTE = 'data-evidence-lens-flash';

/**
 * The page stylesheet, injected by the background with `scripting.insertCSS` (a user-origin
 * sheet: no `<style>` element in the page, and page CSP cannot block it).
 */
export function pageCss(): string {
  const rules: string[] = [];
  for (const level of LEVEL_VALUES) {
    const s = LABEL_STYLES[level];
    const deco = `underline ${s.underline} ${s.color} 2px`;
    rules.push(`::highlight(${highlightName(level)}){background-color:${s.wash};text-decoration:${deco};}`);
    rules.push(`mark[${MARK_ATTRIBUTE}="${level}"]{background-color:${s.wash};color:inherit;text-decoration:${deco};}`);
  }
  rules.push(`::highlight(${FLASH_HIGHLIGHT}){background-color:rgba(255,213,0,0.8);color:#000;}`);
  rules.push(`mark[${MARK_FLASH_ATTRIBUTE}]{background-color:rgba(255,213,0,0.8) !important;color:#000 !important;}`);
  return rules.join('\n');
}
