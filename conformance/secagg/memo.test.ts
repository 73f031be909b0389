/** reference/secagg/memo.ts: a hit answers what the call answered, never shares its bytes, and never confuses argument boundaries. */
import { describe, expect, it } from "vitest";
import { memoBytes } from "../../reference/secagg/memo.js";

describe("memoBytes", () => {
  const counted = () => {
    let calls = 0;
    const f = memoBytes((a: Uint8Array, b: Uint8Array) => {
      calls++;
      return Uint8Array.from([...a, 0xee, ...b]);
    }, 4);
    return { f, calls: () => calls };
  };

  it("calls once per distinct arguments and returns a copy the caller may alter", () => {
    const { f, calls } = counted();
    const first = f(Uint8Array.of(1), Uint8Array.of(2));
    first[0] = 99;
    expect([...f(Uint8Array.of(1), Uint8Array.of(2))]).toEqual([1, 0xee, 2]);
    expect(calls()).toBe(1);
  });

  it("keys by length-prefixed arguments: (ab, c) and (a, bc) are different calls", () => {
    const { f, calls } = counted();
    expect([...f(Uint8Array.of(1, 2), Uint8Array.of(3))]).toEqual([1, 2, 0xee, 3]);
    expect([...f(Uint8Array.of(1), Uint8Array.of(2, 3))]).toEqual([1, 0xee, 2, 3]);
    expect(calls()).toBe(2);
  });

  it("holds at most max entries (emptied when full), and still answers right after", () => {
    const { f, calls } = counted();
    for (let i = 0; i < 5; i++) f(Uint8Array.of(i), Uint8Array.of(i));
    expect(calls()).toBe(5);
    f(Uint8Array.of(0), Uint8Array.of(0)); // emptied at the fifth entry: a miss
    expect(calls()).toBe(6);
    expect([...f(Uint8Array.of(4), Uint8Array.of(4))]).toEqual([4, 0xee, 4]);
    expect(calls()).toBe(6);
  });
});
