import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { props } from "../testing.js";
import { Scheduler, Simulation, inputsOf, isDown, replay, route, shrinkInputs, Streams, type Checker, type Machine, type NetworkModel, type StepRecord } from "./index.js";

describe("scheduler", () => {
  it("delivers in ascending time, ties in scheduling order", () => {
    const s = new Scheduler<string>();
    s.schedule(5, 0, "a");
    s.schedule(1, 0, "b");
    s.schedule(5, 1, "c");
    s.schedule(0, 2, "d");
    s.schedule(5, 0, "e");
    const out: string[] = [];
    for (let q = s.pop(); q; q = s.pop()) out.push(q.event);
    expect(out).toEqual(["d", "b", "a", "c", "e"]);
  });
  it("is a stable sort on (time, scheduling order) for any schedule", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20)), (times) => {
        const s = new Scheduler<number>();
        times.forEach((t, i) => s.schedule(t, 0, i));
        const got: number[] = [];
        for (let q = s.pop(); q; q = s.pop()) got.push(q.event);
        const want = times.map((t, i) => [t, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i);
        expect(got).toEqual(want);
      }),
      props(100),
    );
  });
  it("rejects a time that is negative or not finite", () => {
    const s = new Scheduler<number>();
    expect(() => s.schedule(-1, 0, 0)).toThrow(RangeError);
    expect(() => s.schedule(Number.NaN, 0, 0)).toThrow(RangeError);
  });
});

describe("network model", () => {
  const streams = () => new Streams("pwo/test/sim/network");
  it("scripted delays: 0 loses before GST; from GST on, 1 + (max(v, 1) − 1) mod delta", () => {
    const m: NetworkModel = { gst: 10, delta: 3, link: { delay: { script: [0, 7, 5] } } };
    expect(route(m, streams(), 0, 0, 1, 2)).toBe("lost");
    expect(route(m, streams(), 1, 0, 1, 2)).toBe(9);
    expect(route(m, streams(), 3, 0, 1, 10)).toBe(11); // v = 0 → 1
    expect(route(m, streams(), 4, 0, 1, 10)).toBe(11); // v = 7 → 1 + 6 mod 3 = 1
    expect(route(m, streams(), 5, 0, 1, 10)).toBe(12); // v = 5 → 1 + 4 mod 3 = 2
  });
  it("slowBy applies before GST only, and per-link overrides apply to their links only", () => {
    const m: NetworkModel = { gst: 10, delta: 3, link: { delay: 2 }, links: [{ from: 1, slowBy: 5 }] };
    expect(route(m, streams(), 0, 1, 0, 0)).toBe(7);
    expect(route(m, streams(), 0, 0, 1, 0)).toBe(2);
    expect(route(m, streams(), 0, 1, 0, 10)).toBe(12);
  });
  it("a partition holds messages across groups until it heals, plus the delay", () => {
    const m: NetworkModel = { gst: 0, delta: 4, link: { delay: 2 }, partitions: [{ from: 0, until: 20, groups: [[0, 1], [2]] }] };
    expect(route(m, streams(), 0, 0, 1, 5)).toBe(7);
    expect(route(m, streams(), 0, 0, 2, 5)).toBe(22);
    expect(route(m, streams(), 0, 0, 3, 5)).toBe(22); // 3 is in no group: not with 0
    expect(route(m, streams(), 0, 2, 0, 20)).toBe(22); // healed
  });
  it("without GST, loss applies throughout, drawn from its own stream", () => {
    const m: NetworkModel = { link: { delay: { min: 1, max: 4 }, loss: 0.5 } };
    const s = streams();
    const runs = Array.from({ length: 400 }, (_, i) => route(m, s, i, 0, 1, 1000));
    const lost = runs.filter((r) => r === "lost").length;
    expect(lost).toBeGreaterThan(150);
    expect(lost).toBeLessThan(250);
    expect(runs.every((r) => r === "lost" || (r >= 1001 && r <= 1004))).toBe(true);
    const s2 = streams();
    expect(Array.from({ length: 400 }, (_, i) => route(m, s2, i, 0, 1, 1000))).toEqual(runs);
    expect(route({ link: { delay: 1, loss: 1 } }, streams(), 0, 0, 1, 0)).toBe("lost");
  });
  it("crashes with and without restart", () => {
    const m: NetworkModel = { link: { delay: 1 }, crashes: [{ node: 1, at: 5, restartAt: 9 }, { node: 2, at: 0 }] };
    expect([4, 5, 8, 9].map((t) => isDown(m, 1, t))).toEqual([false, true, true, false]);
    expect(isDown(m, 2, 1e9)).toBe(true);
    expect(isDown(m, 0, 5)).toBe(false);
  });
  it("rejects malformed models", () => {
    const sim = (network: NetworkModel) => new Simulation({ nodes: 2, network, seed: "s", until: 1, receive: () => 0 }, []);
    expect(() => sim({ gst: 0, link: { delay: 1 } })).toThrow(/delta/);
    expect(() => sim({ link: { delay: 1, loss: 2 } })).toThrow(/loss/);
    expect(() => sim({ link: { delay: { min: 3, max: 1 } } })).toThrow(/range/);
    expect(() => sim({ link: { delay: 1 }, crashes: [{ node: 0, at: 4, restartAt: 4 }] })).toThrow(/restarts/);
  });
});

// A flooding protocol as the smallest plug-in: node 0 floods a rumour; every node forwards it once
// to every other node, observes "got" when it first hears it, and re-floods after a restart.
type Ev = { kind: "start" } | { kind: "rumour"; from: number } | { kind: "restart" } | { kind: "tick" };
type St = { heard: boolean };
const N = 5;
const others = (n: number) => Array.from({ length: N }, (_, i) => i).filter((i) => i !== n);
const flood: Machine<St, Ev, "rumour", string> = {
  init: () => ({ heard: false }),
  step(s, e, { node }) {
    if (e.kind === "start") return node === 0 ? { state: { heard: true }, sends: [{ to: others(node), message: "rumour" }], observations: ["got"], timers: [{ after: 3, event: { kind: "tick" } }] } : { state: s };
    if (e.kind === "restart") return { state: { heard: false }, observations: ["restarted"] };
    if (e.kind === "rumour" && !s.heard) return { state: { heard: true }, sends: [{ to: others(node), message: "rumour" }], observations: ["got"] };
    return { state: s };
  },
};
/** Checks "every node hears the rumour" at the end, from the trace only. */
const everyoneHears = (): Checker<Ev, "rumour", string, string> => {
  const got = new Set<number>();
  return {
    observe: (r) => (r.outputs.observations?.includes("got") && got.add(r.node), undefined),
    finish: () => (got.size === N ? undefined : `only ${[...got].sort().join(",")} heard`),
  };
};
const runFlood = (network: NetworkModel, seed = "pwo/test/sim/flood", record = true) => {
  const sim = new Simulation<Ev, "rumour", string, string>({ nodes: N, network, seed, until: 100, receive: (from) => ({ kind: "rumour", from }), restart: () => ({ kind: "restart" }), record }, [everyoneHears()]);
  for (let n = 0; n < N; n++) sim.schedule(0, n, { kind: "start" });
  return sim.run(flood);
};
const brief = (t: readonly StepRecord<Ev, "rumour", string>[]) => t.map((r) => `${r.time}:${r.node}:${r.event.kind}`);

describe("simulation", () => {
  it("runs a protocol over a reliable network; the checker sees it from the trace", () => {
    const r = runFlood({ link: { delay: 1 } });
    expect(r.violation).toBeUndefined();
    expect(r.sent).toBe(N * (N - 1));
    expect(brief(r.trace).slice(0, 7)).toEqual(["0:0:start", "0:1:start", "0:2:start", "0:3:start", "0:4:start", "1:1:rumour", "1:2:rumour"]);
    expect(brief(r.trace)).toContain("3:0:tick");
  });
  it("is a function of its seed: equal seeds, equal traces; another seed, another trace", () => {
    const lossy: NetworkModel = { link: { delay: { min: 1, max: 5 }, loss: 0.4 } };
    expect(brief(runFlood(lossy).trace)).toEqual(brief(runFlood(lossy).trace));
    expect(brief(runFlood(lossy, "other").trace)).not.toEqual(brief(runFlood(lossy).trace));
  });
  it("a crashed node receives nothing; a restarted one gets its restart event first", () => {
    const crashed = runFlood({ link: { delay: 1 }, crashes: [{ node: 3, at: 0 }] });
    expect(crashed.violation).toBe("only 0,1,2,4 heard");
    expect(crashed.trace.some((r) => r.node === 3)).toBe(false);
    const back = runFlood({ link: { delay: 2 }, crashes: [{ node: 3, at: 1, restartAt: 2 }] });
    const at2 = back.trace.filter((r) => r.time === 2);
    expect(at2[0]).toMatchObject({ node: 3, event: { kind: "restart" } });
    expect(back.violation).toBeUndefined();
  });
  it("replay of a run's inputs reproduces its outputs exactly", () => {
    const r = runFlood({ gst: 20, delta: 2, link: { delay: { min: 1, max: 9 }, loss: 0.3 }, partitions: [{ from: 0, until: 10, groups: [[0, 1]] }] });
    const again = replay(flood, N, inputsOf(r.trace));
    expect(again.records.map((x) => x.outputs)).toEqual(r.trace.map((x) => x.outputs));
  });
  it("shrinks a failing input sequence to one from which no input can be removed", () => {
    const r = runFlood({ link: { delay: 1 } });
    // "node 4 hears the rumour" needs node 0's start and one rumour delivered to 4
    const fails = (xs: readonly { node: number; event: Ev }[]) => replay(flood, N, xs as never, [{ observe: (x) => (x.node === 4 && x.outputs.observations?.includes("got") ? "4 heard" : undefined), finish: () => undefined }]).violation !== undefined;
    expect(fails(inputsOf(r.trace))).toBe(true);
    const small = shrinkInputs(inputsOf(r.trace), fails);
    expect(small.map((x) => `${x.node}:${x.event.kind}`)).toEqual(["4:rumour"]);
  });
});
