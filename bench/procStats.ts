import { readFileSync } from 'node:fs';

/** Linux reports process CPU time in clock ticks; 100 per second on every mainstream kernel config. */
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may itself contain spaces or parentheses.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line; fields[0] here is field 3.
  const ticks = Number(fields[11]) + Number(fields[12]);
  if (!Number.isFinite(ticks)) throw new Error(`unexpected /proc/${pid}/stat format`);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** Resident set size of a process in MB, from VmRSS in /proc/<pid>/status. */
export function processRssMb(pid: number): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(match[1]) / 1024;
}

/** CPU time all cores have spent busy (anything but idle and I/O wait) since boot, in ms, from /proc/stat. */
export function machineBusyCpuMs(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0];
  const [label, ...ticks] = line.trim().split(/\s+/);
  if (label !== 'cpu' || ticks.length < 5) throw new Error('unexpected /proc/stat format');
  // user nice system idle iowait irq softirq steal (guest time is already counted in user).
  const values = ticks.slice(0, 8).map(Number);
  const busy = values.reduce((a, b) => a + b, 0) - values[3] - values[4];
  return (busy * 1000) / CLOCK_TICKS_PER_SECOND;
}
