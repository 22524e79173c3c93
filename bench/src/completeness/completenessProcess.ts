// Runs the completeness benchmark in a fresh process (pinned by the caller) and prints its result
// as JSON: the load generator's heap, full of traces, would slow its garbage collector down.
// With the core it is pinned to as second argument, it also reports how much CPU other processes
// used on that core meanwhile.
import { coreTimes } from '../measure/procStats.js';
import { measureCompleteness } from './completenessBench.js';

const core = Number(process.argv[3] ?? -1);
const before = coreTimes();
const wallStart = performance.now();
const cpuStart = process.cpuUsage();
const result = measureCompleteness(Number(process.argv[2] ?? 2000));
const cpu = process.cpuUsage(cpuStart);
const wall = (performance.now() - wallStart) / 1000;
const busy = core >= 0 ? (coreTimes().busy[core] ?? 0) - (before.busy[core] ?? 0) : 0;
const foreignLoad = core >= 0 ? Math.max(0, busy - (cpu.user + cpu.system) / 1e6) / wall : 0;
process.stdout.write(JSON.stringify({ ...result, foreignLoad }) + '\n');
