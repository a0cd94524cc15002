// Runs a benchmark workload on Node's V8: `node [V8 flags] node_runner.js FILE.wasm [REPS]`.
// Instantiates FILE with an empty import object, runs `run` once to warm up, then REPS times
// (default 5). Prints "times_ms t1 .. tN", "median_ms M" and "result R" (unsigned 64-bit).
'use strict';
const fs = require('fs');
const file = process.argv[2];
const reps = Math.max(1, parseInt(process.argv[3] || '5', 10));
const wasmModule = new WebAssembly.Module(fs.readFileSync(file));
const instance = new WebAssembly.Instance(wasmModule, {});
const run = instance.exports.run;
const unsigned = (r) => (typeof r === 'bigint' ? BigInt.asUintN(64, r) : BigInt(r >>> 0)).toString();
const result = unsigned(run());
const times = [];
for (let i = 0; i < reps; ++i) {
  const t0 = performance.now();
  const r = unsigned(run());
  times.push(performance.now() - t0);
  if (r !== result) throw new Error(`result changed between runs: ${r} vs ${result}`);
}
const sorted = [...times].sort((a, b) => a - b);
const n = sorted.length;
const median = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
console.log('times_ms ' + times.map((t) => t.toFixed(3)).join(' '));
console.log('median_ms ' + median.toFixed(3));
console.log('result ' + result);
