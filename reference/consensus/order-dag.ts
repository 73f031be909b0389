/**
 * `order_dag` (spec/consensus.md §Conformance operations, `order_dag`): a DAG seeded with genesis,
 * certificates taken in delivery order, each checked on arrival (H1–H5), buffered until its parents
 * are in the DAG, then checked at release (H6–H10, EQUIVOCATION), inserted and the commit rule run
 * (§Node, rule 4; §Ordering). Its release order and abort on the first failing check are the contract.
 * @module
 */
import { fail } from "./errors.js";
import { Dag } from "./dag.js";
import { checkHeaderFields, digestKey, genesis, headerDigest } from "./header.js";
import { REFERENCE_RULES, type ProtocolRules } from "./node.js";
import { Bullshark, type CommittedSubDag } from "./ordering.js";
import type { Committee, Header } from "./types.js";
import { checkHeader } from "./validity.js";

/** A binary min-heap of arrival indices: the buffered certificate released first is the earliest delivered. */
class ArrivalHeap {
  private readonly h: number[] = [];
  get size(): number {
    return this.h.length;
  }
  push(x: number): void {
    const h = this.h;
    h.push(x);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (h[p]! <= h[i]!) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }
  pop(): number {
    const h = this.h;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]! < h[m]!) m = l;
        if (r < h.length && h[r]! < h[m]!) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Orders a DAG delivered in the given order (spec §Ordering): each certificate is checked on arrival
 * (H1–H5), buffered until its parents are in, then checked (H6–H10; a second certificate for an
 * occupied slot is EQUIVOCATION), inserted and the commit rule run. Of the buffered certificates
 * whose parents are all in, the earliest delivered is inserted first, and the choice is made again
 * after each insertion. Certificates whose parents never arrive stay unordered.
 *
 * Cost: O(P log n) for n certificates with P parents in total: each buffered certificate counts its
 * missing parents, each insertion releases the certificates waiting on it (no rescan of the buffer).
 */
export function orderDag(committee: Committee, gcDepth: number, headers: readonly Header[], rules: ProtocolRules = REFERENCE_RULES): CommittedSubDag[] {
  const dag = new Dag();
  for (const g of genesis(committee)) dag.insert(g, headerDigest(g.header));
  const bullshark = new Bullshark(committee, gcDepth, rules.ordering);
  const commits: CommittedSubDag[] = [];
  const ready = new ArrivalHeap();
  const missingCount: number[] = [];
  /** Parent digest key → arrival indices of the buffered certificates still missing it. */
  const waitingOn = new Map<string, number[]>();
  const insert = (h: Header): string => {
    const digest = checkHeader(committee, h, (d) => dag.get(digestKey(d))?.header, gcDepth, rules.quorum);
    const slot = dag.slot(h.round, h.author);
    if (slot && slot.key !== digestKey(digest)) fail("EQUIVOCATION", `a second certificate for author ${h.author} round ${h.round}`);
    dag.insert({ header: h, signers: [], signature: new Uint8Array(0) }, digest);
    commits.push(...bullshark.tryCommit(dag, h.round));
    return digestKey(digest);
  };
  for (const [k, h] of headers.entries()) {
    checkHeaderFields(committee, h);
    const missing = new Set(h.parents.map(digestKey).filter((p) => !dag.has(p)));
    missingCount[k] = missing.size;
    if (missing.size === 0) ready.push(k);
    for (const p of missing) {
      const list = waitingOn.get(p);
      if (list) list.push(k);
      else waitingOn.set(p, [k]);
    }
    while (ready.size > 0) {
      const key = insert(headers[ready.pop()]!);
      const released = waitingOn.get(key);
      if (!released) continue;
      waitingOn.delete(key);
      for (const w of released) if (--missingCount[w]! === 0) ready.push(w);
    }
  }
  return commits;
}
