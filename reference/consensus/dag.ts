/**
 * A node's local DAG of certificates (spec/consensus.md §DAG). Vertices are keyed by digest; each
 * (round, author) slot remembers the first certificate inserted, which is the only one with an
 * honest quorum (§Security notes), and the one leader lookups and ordering use.
 * @module
 */
import { digestKey } from "./header.js";
import type { Certificate, Digest, Header, VertexRef } from "./types.js";

export interface DagVertex {
  key: string;
  ref: VertexRef;
  header: Header;
  certificate: Certificate;
  /** Keys of the parents. */
  parents: readonly string[];
}

export class Dag {
  readonly vertices = new Map<string, DagVertex>();
  private readonly rounds = new Map<number, Map<number, DagVertex>>();
  /** Slot certificates of each round in author order, kept sorted on insertion. */
  private readonly sorted = new Map<number, DagVertex[]>();

  has(key: string): boolean {
    return this.vertices.has(key);
  }

  get(key: string): DagVertex | undefined {
    return this.vertices.get(key);
  }

  /** Inserts a certificate whose parents are all present (the caller checks); returns its vertex. */
  insert(cert: Certificate, digest: Digest): DagVertex {
    const key = digestKey(digest);
    const existing = this.vertices.get(key);
    if (existing) return existing;
    const h = cert.header;
    const v: DagVertex = { key, ref: { round: h.round, author: h.author, digest }, header: h, certificate: cert, parents: h.parents.map(digestKey) };
    this.vertices.set(key, v);
    let slots = this.rounds.get(h.round);
    if (!slots) this.rounds.set(h.round, (slots = new Map()));
    if (!slots.has(h.author)) {
      slots.set(h.author, v);
      let list = this.sorted.get(h.round);
      if (!list) this.sorted.set(h.round, (list = []));
      let i = list.length;
      while (i > 0 && list[i - 1]!.ref.author > h.author) i--;
      list.splice(i, 0, v);
    }
    return v;
  }

  /** The first certificate inserted for (round, author). */
  slot(round: number, author: number): DagVertex | undefined {
    return this.rounds.get(round)?.get(author);
  }

  /** The slot certificates of one round, in author order. */
  round(round: number): readonly DagVertex[] {
    return this.sorted.get(round) ?? [];
  }
}
