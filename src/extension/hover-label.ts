/**
 * Hovering a highlighted sentence shows its label ("Evidence Lens: No RCT"). Highlights drawn
 * with the CSS Custom Highlight API have no element to put a title on, so the pointer's text
 * position is looked up among the drawn ranges and a small label is shown beside the pointer,
 * in a shadow root so the page's styles cannot reach it. The label is inserted only while the
 * pointer is over a claim, and it never takes the pointer (pointer-events: none).
 */
import { levelText, type Level } from '../core/levels';

export interface LabelledRange {
  range: Range;
  level: Level;
}

const HOST_ID = 'evidence-lens-hover';
const OFFSET_PX = 14;

export class HoverLabel {
  private ranges: LabelledRange[] = [];
  private host: HTMLElement | null = null;
  private label: HTMLElement | null = null;
  private pending = false;
  private readonly onMove = (e: MouseEvent) => {
    if (this.pending) return;
    this.pending = true;
    // At most one look-up per frame, however fast the pointer moves.
    this.win.requestAnimationFrame(() => {
      this.pending = false;
      this.update(e.clientX, e.clientY);
    });
  };

  constructor(private readonly doc: Document, private readonly win: Window & typeof globalThis) {}

  /** The claims now drawn; an empty list stops listening. */
  set(ranges: LabelledRange[]): void {
    this.ranges = ranges;
    if (ranges.length > 0) this.doc.addEventListener('mousemove', this.onMove, { passive: true });
    else this.stop();
  }

  stop(): void {
    this.doc.removeEventListener('mousemove', this.onMove);
    this.hide();
  }

  private update(x: number, y: number): void {
    const point = caretAt(this.doc, x, y);
    const hit = point && this.ranges.find((r) => r.range.isPointInRange(point.node, point.offset));
    if (hit) this.show(`Evidence Lens: ${levelText(hit.level)}`, x, y);
    else this.hide();
  }

  private show(text: string, x: number, y: number): void {
    if (!this.host) {
      this.host = this.doc.createElement('div');
      this.host.id = HOST_ID;
      const root = this.host.attachShadow({ mode: 'open' });
      this.label = this.doc.createElement('div');
      this.label.setAttribute('role', 'tooltip');
      this.label.setAttribute('style', [
        'position:fixed', 'z-index:2147483647', 'pointer-events:none', 'font:12px/1.4 system-ui,sans-serif',
        'background:#1f2328', 'color:#fff', 'padding:3px 8px', 'border-radius:4px', 'white-space:nowrap',
      ].join(';'));
      root.appendChild(this.label);
    }
    if (!this.host.isConnected) this.doc.documentElement.appendChild(this.host);
    // Page text never goes here: only our own label words, and as text.
    this.label!.textContent = text;
    this.label!.style.left = `${x + OFFSET_PX}px`;
    this.label!.style.top = `${y + OFFSET_PX}px`;
  }

  private hide(): void {
    this.host?.remove();
  }
}

/** The text position under the pointer (Chromium and Safari: caretRangeFromPoint; Firefox: caretPositionFromPoint). */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  const pos = d.caretPositionFromPoint?.(x, y);
  if (pos) return { node: pos.offsetNode, offset: pos.offset };
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
