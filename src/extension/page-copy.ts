/**
 * The inert copy of the live page that extraction works on, with a bounded size. The CLI parses
 * at most MAX_HTML_CHARS of HTML; a browser tab has no HTML string, so the content script copies
 * the page node by node in document order and stops at a budget of text and of nodes. A 20 MB
 * page then costs the same as its first part, and the report says the page was cut
 * (`Article.truncated`, the `truncated` notice).
 *
 * The copy is made with `importNode(node, false)` per node into a document without a browsing context:
 * no script in it runs and nothing in it loads, the same as `document.cloneNode(true)`.
 */
import { MAX_ARTICLE_CHARS } from '../core/limits';

/**
 * Characters of page text copied: twice the article cap, so navigation, comments and other
 * boilerplate before the article cannot push the article itself out of the copy.
 */
export const PAGE_TEXT_BUDGET = 2 * MAX_ARTICLE_CHARS;
/** Nodes copied: far past any real article (the 20 MB test page has ~200,000), cheap to walk. */
export const PAGE_NODE_BUDGET = 250_000;

export interface PageCopy {
  doc: Document;
  /** True when the budget ran out and the rest of the page was left out. */
  truncated: boolean;
}

export function copyPage(live: Document, textBudget = PAGE_TEXT_BUDGET, nodeBudget = PAGE_NODE_BUDGET): PageCopy {
  const doc = live.cloneNode(false) as Document;
  let text = textBudget;
  let nodes = nodeBudget;
  let truncated = false;
  // Iterative, so a deeply nested page cannot overflow the stack: pairs of (live node, copy parent).
  const stack: [Node, Node][] = [];
  for (let c = live.lastChild; c; c = c.previousSibling) stack.push([c, doc]);
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    if (nodes <= 0 || text <= 0) {
      truncated = true;
      break;
    }
    nodes--;
    let copy: Node;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length > text) {
        copy = doc.createTextNode(data.slice(0, text));
        truncated = true;
        text = 0;
      } else {
        copy = doc.importNode(node, false);
        text -= data.length;
      }
    } else {
      copy = doc.importNode(node, false);
      // A <template>'s content is a separate fragment that a shallow copy leaves behind; extraction skips templates anyway.
      for (let c = node.lastChild; c; c = c.previousSibling) stack.push([c, copy]);
    }
    parent.appendChild(copy);
  }
  return { doc, truncated };
}

