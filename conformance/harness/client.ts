/**
 * The runner's side of the adapter protocol: starts an implementation, does the handshake, sends one
 * request at a time and waits for its answer with a deadline. Every way an implementation can
 * misbehave ends in a {@link Fault} (docs/adapter-protocol.md §What the runner does…), never in a
 * hang or an unbounded buffer.
 * @module
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { delimiter } from "node:path";
import { fileURLToPath } from "node:url";
import { type Answer, type HelloAnswer, PROTOCOL_VERSION, type Request, parseAnswer, parseHelloAnswer, parseIdlessError } from "./protocol.js";

export type FaultKind = "timeout" | "crash" | "malformed" | "wrong-id" | "oversized" | "handshake" | "unavailable";
export interface Fault {
  fault: FaultKind;
  detail: string;
}

export interface ClientOptions {
  /** Shell command that starts the implementation. */
  command: string;
  /** Per-request deadline, ms. */
  timeoutMs: number;
  /** Longest accepted answer line, bytes. */
  maxLine: number;
  /** Working directory of the implementation. */
  cwd?: string;
  /** Called with every line sent to the implementation and every answer line received (`pwo conform --transcript`). */
  onLine?: (direction: "request" | "answer", line: string) => void;
}

/** Directory of the `pwo` launcher, prepended to the implementation's PATH so `--impl "pwo serve"` names this very pwo. */
const PWO_BIN_DIR = fileURLToPath(new URL("../../../bin", import.meta.url));
const STDERR_KEEP = 20;

/** One running implementation process. */
export class Implementation {
  private buffer: Buffer[] = [];
  private buffered = 0;
  private lines: string[] = [];
  private waiter: (() => void) | undefined;
  private exited: string | undefined;
  private oversized = false;
  private readonly stderrTail: string[] = [];
  private readonly child: ChildProcessWithoutNullStreams;
  hello: HelloAnswer | undefined;

  private constructor(private readonly opts: ClientOptions) {
    this.child = spawn(opts.command, {
      shell: true,
      cwd: opts.cwd,
      detached: true, // own process group, so a kill reaches the shell's children too
      env: { ...process.env, PATH: `${PWO_BIN_DIR}${delimiter}${process.env.PATH ?? ""}` },
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stdout.on("data", (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => this.onStderr(chunk));
    this.child.stdin.on("error", () => {}); // EPIPE after a crash is reported as the crash itself
    this.child.on("error", (e) => this.onExit(`could not start: ${e.message}`));
    this.child.on("exit", (code, signal) => this.onExit(signal ? `killed by ${signal}` : `exited with status ${code}`));
  }

  /** Starts the implementation and performs the handshake; returns a fault if either fails. */
  static async start(opts: ClientOptions): Promise<Implementation | Fault> {
    const impl = new Implementation(opts);
    const line = await impl.exchange(JSON.stringify({ type: "hello", protocol: PROTOCOL_VERSION }));
    if (typeof line !== "string") {
      impl.kill();
      return { fault: "handshake", detail: `${line.fault}: ${line.detail}` };
    }
    const hello = parseHelloAnswer(line);
    if (typeof hello === "string") {
      impl.kill();
      return { fault: "handshake", detail: hello };
    }
    impl.hello = hello;
    return impl;
  }

  /** Last lines the implementation wrote to stderr. */
  get stderr(): string[] {
    return [...this.stderrTail];
  }

  get alive(): boolean {
    return this.exited === undefined;
  }

  /** The process id of the implementation's process group leader (the shell or the implementation itself). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Sends one request and returns its answer, or the fault that prevented one. */
  async request(req: Request): Promise<Answer | Fault> {
    return (await this.requestLine(req.id, JSON.stringify(req))) as Answer | Fault;
  }

  /**
   * Sends one line as a request with id `id` (the hostile campaign writes lines JSON.stringify could
   * not: 5000-deep values, lines beyond the protocol's limit) and returns the answer or the fault.
   * An answer without an id (a protocol-level refusal of a line whose id was unreadable) is
   * accepted when `idless` is true.
   */
  async requestLine(id: number, out: string, idless = false): Promise<Answer | Fault | { error: { code: string; message?: string } }> {
    const line = await this.exchange(out);
    if (typeof line !== "string") return line;
    if (idless) {
      const bare = parseIdlessError(line);
      if (bare) return bare;
    }
    const answer = parseAnswer(line);
    if (typeof answer === "string") return { fault: "malformed", detail: `${answer}; line: ${preview(line)}` };
    if (answer.id !== id) return { fault: "wrong-id", detail: `answer id ${answer.id} to request id ${id}` };
    return answer;
  }

  /** Closes stdin and waits up to `graceMs` for a clean exit, then kills. */
  async close(graceMs = 2000): Promise<void> {
    if (!this.alive) return;
    this.child.stdin.end();
    const exited = await this.waitFor(() => !this.alive, graceMs);
    if (!exited) this.kill();
  }

  kill(): void {
    if (this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, "SIGKILL");
    } catch {
      try {
        this.child.kill("SIGKILL");
      } catch {
        /* already gone */
      }
    }
  }

  private async exchange(out: string): Promise<string | Fault> {
    if (!this.alive) return { fault: "crash", detail: `the implementation ${this.exited}` };
    this.opts.onLine?.("request", out);
    this.child.stdin.write(`${out}\n`);
    const ready = await this.waitFor(() => this.lines.length > 0 || !this.alive || this.oversized, this.opts.timeoutMs);
    if (this.lines.length > 0) return this.lines.shift() as string;
    if (this.oversized) return { fault: "oversized", detail: `answer line longer than ${this.opts.maxLine} bytes` };
    if (!this.alive) return { fault: "crash", detail: `the implementation ${this.exited}${this.stderrTail.length ? `; stderr: ${this.stderrTail.slice(-3).join(" | ")}` : ""}` };
    if (!ready) return { fault: "timeout", detail: `no answer within ${this.opts.timeoutMs} ms` };
    return { fault: "crash", detail: "no answer" };
  }

  private waitFor(cond: () => boolean, ms: number): Promise<boolean> {
    if (cond()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(cond());
      }, ms);
      this.waiter = () => {
        if (!cond()) return;
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(true);
      };
    });
  }

  private onData(chunk: Buffer): void {
    if (this.oversized) return;
    let start = 0;
    for (let nl = chunk.indexOf(10); nl !== -1; nl = chunk.indexOf(10, start)) {
      if (this.buffered + (nl - start) > this.opts.maxLine) return this.overflow();
      this.buffer.push(chunk.subarray(start, nl));
      const line = Buffer.concat(this.buffer).toString("utf8");
      this.buffer = [];
      this.buffered = 0;
      if (line.trim() !== "") {
        this.lines.push(line);
        this.opts.onLine?.("answer", line);
      }
      start = nl + 1;
    }
    if (start < chunk.length) {
      this.buffer.push(chunk.subarray(start));
      this.buffered += chunk.length - start;
      if (this.buffered > this.opts.maxLine) return this.overflow();
    }
    this.waiter?.();
  }

  /** An answer line beyond maxLine: drop what was buffered and stop the implementation. */
  private overflow(): void {
    this.oversized = true;
    this.buffer = [];
    this.buffered = 0;
    this.kill();
    this.waiter?.();
  }

  private onStderr(chunk: Buffer): void {
    for (const l of chunk.toString("utf8").split("\n")) {
      if (l.trim() === "") continue;
      this.stderrTail.push(l.length > 300 ? `${l.slice(0, 300)}…` : l);
      if (this.stderrTail.length > STDERR_KEEP) this.stderrTail.shift();
    }
  }

  private onExit(why: string): void {
    if (this.exited === undefined) this.exited = why;
    this.waiter?.();
  }
}

export const isFault = (v: unknown): v is Fault => typeof v === "object" && v !== null && "fault" in v;

function preview(line: string): string {
  return line.length > 200 ? `${line.slice(0, 200)}… (${line.length} chars)` : line;
}
