/**
 * A federated-averaging run (spec/secagg.md §Federated round; seed paper §7.1, §7.3–7.4): a seeded
 * data set split over N clients, logistic regression trained locally, updates quantized and
 * securely aggregated, the server averaging the survivors' updates, each new checkpoint published as
 * a blob in the model namespace of a da square and recorded in a provenance record.
 *
 * Each round's session runs on the simulation core (./sim.ts): seeded link delays, round deadlines
 * as server timers, dropouts as crashes.
 * @module
 */
import { Rng } from "../../reference/common/rng.js";
import {
  bitfield,
  checkpointHash,
  dequantizeSum,
  encodeCheckpoint,
  publishBlob,
  quantize,
  secaggPlusDegree,
  type BlobProof,
  type ProvenanceRecord,
} from "../../reference/secagg/index.js";
import { fixture } from "./fixtures.js";
import { runSessionOnSim } from "./sim.js";

export interface FedAvgOptions {
  label: string;
  clients: number;
  rounds: number;
  /** Probability that a client drops out of a round (before a uniformly drawn protocol round). */
  dropout: number;
  /** Features of the data set (the model has one more weight, the bias). */
  features?: number;
  samplesPerClient?: number;
  /** Local gradient steps and learning rate. */
  localSteps?: number;
  learningRate?: number;
  onProgress?: (line: string) => void;
}

export interface FedAvgRound {
  round: number;
  survivors: number[];
  aborted: string | null;
  accuracy: number;
  record: ProvenanceRecord;
  proof: BlobProof;
}

export interface FedAvgRun {
  genesis: Uint8Array;
  initialAccuracy: number;
  rounds: FedAvgRound[];
}

/** A standard normal draw (Box–Muller on two Rng floats). */
const gauss = (rng: Rng) => Math.sqrt(-2 * Math.log(1 - rng.float())) * Math.cos(2 * Math.PI * rng.float());

interface Sample {
  x: number[];
  y: 0 | 1;
}

/** Labels from a hidden separator w* with 10% label noise: the task is learnable, not trivial. */
export function makeDataSet(label: string, features: number, count: number, part: "train" | "held-out"): Sample[] {
  const rng = new Rng(`${label}/data`);
  const truth = Array.from({ length: features + 1 }, () => gauss(rng));
  const gen = new Rng(`${label}/samples/${part}`);
  return Array.from({ length: count }, () => {
    const x = Array.from({ length: features }, () => gauss(gen));
    const z = truth[features]! + x.reduce((a, v, i) => a + v * truth[i]!, 0);
    const flip = gen.chance(1, 10);
    return { x, y: (z > 0) !== flip ? 1 : 0 };
  });
}

const predict = (w: readonly number[], x: readonly number[]) => 1 / (1 + Math.exp(-(w[x.length]! + x.reduce((a, v, i) => a + v * w[i]!, 0))));
export const accuracy = (w: readonly number[], data: readonly Sample[]) => data.filter((s) => (predict(w, s.x) > 0.5 ? 1 : 0) === s.y).length / data.length;

/** Full-batch gradient descent on the client's samples; returns the new weights. */
function trainLocally(w: readonly number[], data: readonly Sample[], steps: number, lr: number): number[] {
  const v = [...w];
  for (let s = 0; s < steps; s++) {
    const g = new Array(v.length).fill(0);
    for (const { x, y } of data) {
      const e = predict(v, x) - y;
      x.forEach((xi, i) => (g[i] += e * xi));
      g[x.length] += e;
    }
    g.forEach((gi, i) => (v[i]! -= (lr * gi) / data.length));
  }
  return v;
}

/** Runs `rounds` rounds; every round leaves a record and a DA proof of its checkpoint. */
export function runFedAvg(o: FedAvgOptions): FedAvgRun {
  const d = o.features ?? 6;
  const per = o.samplesPerClient ?? 40;
  const steps = o.localSteps ?? 5;
  const lr = o.learningRate ?? 0.5;
  const log = o.onProgress ?? (() => {});
  const train = makeDataSet(o.label, d, o.clients * per, "train");
  const heldOut = makeDataSet(o.label, d, 1000, "held-out");
  const shards = Array.from({ length: o.clients }, (_, i) => train.slice(i * per, (i + 1) * per));
  const q = { clip: 1, bits: 24, clients: o.clients };
  const degree = o.clients <= 16 ? o.clients - 1 : secaggPlusDegree(o.clients);
  const t = Math.max(2, Math.ceil((2 * (degree + 1)) / 3));
  let w = new Array(d + 1).fill(0);
  const genesis = checkpointHash(encodeCheckpoint(0, w));
  const initialAccuracy = accuracy(w, heldOut);
  log(`round -: model ${hex8(genesis)} held-out accuracy ${initialAccuracy.toFixed(3)} (${o.clients} clients, degree ${degree}, t = ${t})`);
  const drops = new Rng(`${o.label}/dropout`);
  const rounds: FedAvgRound[] = [];
  for (let r = 0; r < o.rounds; r++) {
    const before = checkpointHash(encodeCheckpoint(r, w));
    const inputs = shards.map((data, i) => quantize(trainLocally(w, data, steps, lr).map((v, j) => v - w[j]!), q, `${o.label}/round/${r}/client/${i + 1}`));
    const f = fixture(`${o.label}/round/${r}`, { n: o.clients, t, bits: q.bits, length: d + 1, degree }, inputs);
    const dropBefore = new Map<number, number>();
    for (let id = 1; id <= o.clients; id++) if (drops.float() < o.dropout) dropBefore.set(id, drops.below(5));
    const run = runSessionOnSim(f.params, f.clients, { dropBefore, seed: `${o.label}/round/${r}/sim` });
    const survivors = run.survivors;
    if (run.sum) {
      const mean = dequantizeSum(run.sum, q, survivors.length).map((v) => v / survivors.length);
      w = w.map((wi, j) => wi + mean[j]!);
    }
    const blob = encodeCheckpoint(r + 1, w);
    const proof = publishBlob(blob);
    const record: ProvenanceRecord = {
      round: r,
      modelBefore: before,
      modelAfter: checkpointHash(blob),
      participants: bitfield(o.clients, run.participants),
      survivors: run.sum ? survivors : [],
      sessionId: run.session ?? new Uint8Array(32),
      dataRoot: proof.dataRoot,
    };
    const acc = accuracy(w, heldOut);
    log(`round ${r}: ${run.sum ? `${survivors.length}/${o.clients} survivors` : `aborted (${run.abort}), model unchanged`}, held-out accuracy ${acc.toFixed(3)}, model ${hex8(record.modelAfter)}, data root ${hex8(proof.dataRoot)}`);
    rounds.push({ round: r, survivors: record.survivors, aborted: run.abort, accuracy: acc, record, proof });
  }
  return { genesis, initialAccuracy, rounds };
}

const hex8 = (b: Uint8Array) => Array.from(b.subarray(0, 8), (x) => x.toString(16).padStart(2, "0")).join("");
