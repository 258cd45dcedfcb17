// The driver shared by the load generators of the HTTP benchmarks, run in a child process: it
// keeps `slots` requests in flight from the start until the parent's 'stop', starting the next
// as soon as one ends (a closed loop), times each, and keeps the times of those that end between
// 'measure' and 'stop'. On 'stop' it waits for the ones in flight, then reports the CPU seconds
// its process spent while measuring.
import { performance } from 'node:perf_hooks';

/** What the parent sends a generator after its start message. */
export type LoopControl = { kind: 'measure' } | { kind: 'stop' };

export interface ClosedLoop {
  control: NodeJS.Process;
  slots: number;
  /**
   * Sends one request and calls `done` once it is over: with where to keep its latency, or null
   * when it is not to be timed (a failed one).
   */
  issue(done: (keep: ((latencyMs: number) => void) | null) => void): void;
  /** Called once, when every request after 'stop' has ended. */
  report(cpuSeconds: number): void;
}

export function driveClosedLoop({ control, slots, issue, report }: ClosedLoop): void {
  let measuring = false;
  let stopping = false;
  let inFlight = 0;
  let cpu0 = process.cpuUsage();
  let cpu: NodeJS.CpuUsage = { user: 0, system: 0 };

  const end = () => report((cpu.user + cpu.system) / 1e6);
  const send = () => {
    inFlight++;
    const start = performance.now();
    issue((keep) => {
      if (measuring && keep) keep(performance.now() - start);
      inFlight--;
      if (!stopping) send();
      else if (inFlight === 0) end();
    });
  };

  control.on('message', (message: LoopControl) => {
    if (message.kind === 'measure') {
      measuring = true;
      cpu0 = process.cpuUsage();
    } else if (message.kind === 'stop') {
      measuring = false;
      cpu = process.cpuUsage(cpu0);
      stopping = true;
      if (inFlight === 0) end();
    }
  });
  for (let i = 0; i < slots; i++) send();
}
