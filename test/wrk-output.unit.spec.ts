// The benchmarks read wrk's summary: a misread figure would make every HTTP ratio wrong.
import { describe, expect, it } from '@jest/globals';
import { parseWrkOutput } from '../bench/wrk.js';

const summary = (extra: string) => `Running 2s test @ http://127.0.0.1:8080/feeds/changes.atom
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.00ms    8.13ms   1.02s    96.93%
    Req/Sec    11.27k     4.24k   17.74k    60.00%
  Latency Distribution
     50%  850.00us
     75%    3.78ms
     90%    6.09ms
     99%   51.06ms
  22469 requests in 2.01s, 25.05MB read
${extra}Requests/sec:  11182.89
Transfer/sec:     12.47MB
`;

describe('parseWrkOutput', () => {
  it('reads the request count, the window and the latency percentiles in their units', () => {
    const result = parseWrkOutput(summary(''));
    expect(result.requests).toBe(22469);
    expect(result.seconds).toBeCloseTo(2.01, 5);
    expect(result.rps).toBeCloseTo(22469 / 2.01, 3);
    expect(result.p50).toBeCloseTo(0.85, 5);
    expect(result.p99).toBeCloseTo(51.06, 5);
    expect(result.max).toBeCloseTo(1020, 5);
    expect([result.badStatus, result.socketErrors]).toEqual([0, 0]);
  });

  it('counts responses outside 2xx/3xx and every kind of socket error', () => {
    const result = parseWrkOutput(summary('  Socket errors: connect 1, read 2, write 3, timeout 4\n  Non-2xx or 3xx responses: 17\n'));
    expect([result.badStatus, result.socketErrors]).toEqual([17, 10]);
  });

  it('refuses output that is not a wrk summary rather than report zeros', () => {
    expect(() => parseWrkOutput('wrk: unable to connect to 127.0.0.1:8080 Connection refused')).toThrow(/no request count/);
  });
});
