/**
 * The lexicon's trie of form steps (see forms.ts), in two shapes: `TrieNode`s while forms are
 * added, and a `FlatTrie` to search. The flat one numbers the nodes depth first and keeps
 * everything in typed arrays: a form's steps sit next to each other in memory, and a step to a
 * child is a probe of one integer hash table, not a look-up in a map of its own per node. A page
 * is searched right after it is extracted, when little of the lexicon is still in the CPU's
 * caches: fewer, closer memory reads are what make the search fast then.
 */

/**
 * One form of one entry. `order` is where its hits go among the hits of a token's start (see
 * `FormIndex.find`); `lane` is which of `FormIndex.find`'s lists they go to.
 */
export interface Entry<K> {
  id: number;
  key: K;
  order: number;
  lane: number;
}

/** A node as forms are added: the forms whose steps so far are the path to it. */
export interface TrieNode<K> {
  /** Forms that end here. */
  ends: Entry<K>[];
  /** Word steps, by the word's number in the index's vocabulary. */
  words: Map<number, TrieNode<K>> | null;
  /** Prefix and suffix steps, by the wildcard's number. */
  wildcards: Map<number, TrieNode<K>> | null;
  /** A `..` step's subtree. */
  gap: TrieNode<K> | null;
}

export function newNode<K>(): TrieNode<K> {
  return { ends: [], words: null, wildcards: null, gap: null };
}

/** No node. */
export const NONE = -1;
export const WORD_STEPS = 1;
export const WILDCARD_STEPS = 2;

export class FlatTrie<K> {
  /** Node n's forms are `endsFrom[n]` up to `endsFrom[n + 1]` in the three arrays below. */
  readonly endsFrom: Int32Array;
  readonly endId: Int32Array;
  readonly endOrder: Float64Array;
  readonly endLane: Uint8Array;
  readonly endKey: K[] = [];
  /** Node n's `..` child, or NONE. */
  readonly gapOf: Int32Array;
  /** Node n's kinds of step to a child (WORD_STEPS, WILDCARD_STEPS): most nodes end a form and lead nowhere. */
  readonly steps: Uint8Array;
  private readonly words: EdgeTable;
  private readonly wildcards: EdgeTable;

  /** Numbers `root`'s tree depth first; the root is node 0. */
  constructor(root: TrieNode<K>) {
    const order: TrieNode<K>[] = [];
    const numbers = new Map<TrieNode<K>, number>();
    const number = (node: TrieNode<K>) => {
      numbers.set(node, order.length);
      order.push(node);
      if (node.gap) number(node.gap);
      for (const child of node.words?.values() ?? []) number(child);
      for (const child of node.wildcards?.values() ?? []) number(child);
    };
    number(root);
    this.endsFrom = new Int32Array(order.length + 1);
    this.gapOf = new Int32Array(order.length).fill(NONE);
    this.steps = new Uint8Array(order.length);
    const ends = order.reduce((n, node) => n + node.ends.length, 0);
    this.endId = new Int32Array(ends);
    this.endOrder = new Float64Array(ends);
    this.endLane = new Uint8Array(ends);
    this.words = new EdgeTable(order.reduce((n, node) => n + (node.words?.size ?? 0), 0));
    this.wildcards = new EdgeTable(order.reduce((n, node) => n + (node.wildcards?.size ?? 0), 0));
    let e = 0;
    order.forEach((node, n) => {
      this.endsFrom[n] = e;
      for (const end of node.ends) {
        this.endId[e] = end.id;
        this.endOrder[e] = end.order;
        this.endLane[e] = end.lane;
        this.endKey.push(end.key);
        e++;
      }
      if (node.gap) this.gapOf[n] = numbers.get(node.gap)!;
      if (node.words?.size) this.steps[n]! |= WORD_STEPS;
      if (node.wildcards?.size) this.steps[n]! |= WILDCARD_STEPS;
      for (const [word, child] of node.words ?? []) this.words.add(n, word, numbers.get(child)!);
      for (const [wildcard, child] of node.wildcards ?? []) this.wildcards.add(n, wildcard, numbers.get(child)!);
    });
    this.endsFrom[order.length] = e;
  }

  /** The child of `node` by the word with vocabulary number `word`, or NONE. */
  wordChild(node: number, word: number): number {
    return this.words.get(node, word);
  }

  /** The child of `node` by the wildcard numbered `wildcard`, or NONE. */
  wildcardChild(node: number, wildcard: number): number {
    return this.wildcards.get(node, wildcard);
  }
}

/** Edges (node, label) -> child in open addressing, at most half full. */
class EdgeTable {
  private readonly nodes: Int32Array;
  private readonly labels: Int32Array;
  private readonly children: Int32Array;
  private readonly mask: number;

  constructor(edges: number) {
    let size = 16;
    while (size < 2 * edges) size *= 2;
    this.nodes = new Int32Array(size).fill(NONE);
    this.labels = new Int32Array(size);
    this.children = new Int32Array(size);
    this.mask = size - 1;
  }

  add(node: number, label: number, child: number): void {
    let slot = slotOf(node, label) & this.mask;
    while (this.nodes[slot] !== NONE) slot = (slot + 1) & this.mask;
    this.nodes[slot] = node;
    this.labels[slot] = label;
    this.children[slot] = child;
  }

  get(node: number, label: number): number {
    for (let slot = slotOf(node, label) & this.mask; ; slot = (slot + 1) & this.mask) {
      const n = this.nodes[slot]!;
      if (n === node && this.labels[slot] === label) return this.children[slot]!;
      if (n === NONE) return NONE;
    }
  }
}

function slotOf(node: number, label: number): number {
  const h = Math.imul(node, 0x9e3779b1) ^ Math.imul(label, 0x85ebca6b);
  // The products' high bits mix both numbers best; fold them into the low bits the mask keeps.
  return h ^ (h >>> 16);
}
