/**
 * Random streams labelled per purpose (spec/common.md §Deterministic randomness). A simulation draws
 * every random choice from the stream of its purpose (`"network/delay"`, `"network/loss"`, or a
 * protocol's own), each an {@link Rng} seeded by `<seed>/<purpose>`: adding draws for one purpose never
 * shifts another's, so a new kind of randomness leaves existing runs (and vectors) unchanged.
 * @module
 */
import { Rng } from "../../../reference/common/rng.js";

export class Streams {
  private readonly byPurpose = new Map<string, Rng>();

  /** `seed` is the label shared by all streams of one run, e.g. `"pwo/shreds/simulate/v1/case-3"`. */
  constructor(readonly seed: string) {}

  /** The stream of one purpose; the same object on every call, so draws continue where they were. */
  stream(purpose: string): Rng {
    let r = this.byPurpose.get(purpose);
    if (!r) this.byPurpose.set(purpose, (r = new Rng(`${this.seed}/${purpose}`)));
    return r;
  }
}
