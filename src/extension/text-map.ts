/**
 * A whitespace-normalised view of the live page's text, with a map from every character of the
 * view back to the text node and offset it came from. Anchoring searches the view; highlighting
 * turns a hit back into DOM positions. Normalising the same way as the core's article builder
 * (src/core/article-builder.ts: runs of spaces become one space, invisible characters vanish) is
 * what makes a sentence from the report findable in markup that spaces or wraps it differently.
 *
 * Only reads the DOM (no layout, no computed style), so it also runs on linkedom in unit tests.
 */

// Kept in sync by hand with SPACES and INVISIBLE in src/core/article-builder.ts.
const SPACE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff\u00ad]/;

/** Elements whose text is never part of what a reader sees as the page. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'SELECT', 'OPTION', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE']);

/**
 * Elements that break a line: their edges count as a space, so "<p>pain</p><p>Relief</p>" never
 * reads as "painRelief". Decided by tag name, not computed style, to stay cheap and layout-free.
 */
const BREAKS = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'CAPTION', 'DD', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR',
  'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL']);

/** Marks a view character that stands for a block break, not for any character in a text node. */
const VIRTUAL = -1;

export interface TextMap {
  /** The normalised text: single spaces, no invisible characters. */
  text: string;
  /** The text nodes, in document order. */
  nodes: Text[];
  /** For each character of `text`: index into `nodes`, or -1 for a block break. */
  nodeOf: Int32Array;
  /** For each character of `text`: offset inside its text node. */
  offsetOf: Int32Array;
}

/** Collapses whitespace and drops invisible characters, like the map does. */
export function normalizeText(s: string): string {
  let out = '';
  for (const ch of s) {
    if (INVISIBLE.test(ch)) continue;
    if (SPACE.test(ch)) {
      if (out !== '' && !out.endsWith(' ')) out += ' ';
    } else out += ch;
  }
  return out.trimEnd();
}

/**
 * The whitespace-normalised text of `root`, with each character's text node and offset. Stops
 * after `maxChars` characters: a 20 MB page is only ever checked on its first part
 * (src/extension/page-copy.ts), and mapping all of it would take seconds and hundreds of MB.
 */
export function buildTextMap(root: Node, maxChars = Infinity): TextMap {
  const chars: string[] = [];
  const nodeOf: number[] = [];
  const offsetOf: number[] = [];
  const nodes: Text[] = [];
  let lastIsSpace = true; // no leading space
  const space = (node: number, offset: number) => {
    if (lastIsSpace) return;
    chars.push(' ');
    nodeOf.push(node);
    offsetOf.push(offset);
    lastIsSpace = true;
  };
  // Iterative walk: a deeply nested page must not overflow the stack. `exit` frames close blocks.
  const stack: { node: Node; exit: boolean }[] = [{ node: root, exit: false }];
  while (stack.length > 0 && chars.length < maxChars) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      space(VIRTUAL, 0);
      continue;
    }
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? '';
      if (value === '') continue;
      const index = nodes.push(node as Text) - 1;
      for (let i = 0; i < value.length; i++) {
        const ch = value[i]!;
        if (INVISIBLE.test(ch)) continue;
        if (SPACE.test(ch)) space(index, i);
        else {
          chars.push(ch);
          nodeOf.push(index);
          offsetOf.push(i);
          lastIsSpace = false;
        }
      }
      continue;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) continue;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP.has(tag)) continue;
    if (BREAKS.has(tag)) {
      space(VIRTUAL, 0);
      stack.push({ node, exit: true });
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, exit: false });
  }
  if (chars[chars.length - 1] === ' ') {
    chars.pop();
    nodeOf.pop();
    offsetOf.pop();
  }
  return { text: chars.join(''), nodes, nodeOf: Int32Array.from(nodeOf), offsetOf: Int32Array.from(offsetOf) };
}

/** DOM positions of a span of the view: what `Range.setStart` / `setEnd` take. */
export interface DomSpan {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/**
 * The DOM positions of `text.slice(start, end)`. Null when an end falls on a block break, which
 * cannot happen for a trimmed quote (its first and last characters are not spaces).
 */
export function domSpan(map: TextMap, start: number, end: number): DomSpan | null {
  if (start < 0 || end > map.text.length || end <= start) return null;
  const first = map.nodeOf[start]!;
  const last = map.nodeOf[end - 1]!;
  if (first === VIRTUAL || last === VIRTUAL) return null;
  return {
    startNode: map.nodes[first]!,
    startOffset: map.offsetOf[start]!,
    endNode: map.nodes[last]!,
    // A character of the view is one UTF-16 unit of its node, so the end is the next offset.
    endOffset: map.offsetOf[end - 1]! + 1,
  };
}
