import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/**
 * CPU time (user + system, ms) used so far by `rootPid` and its descendants, live or exited,
 * from /proc/<pid>/stat. Unlike requests per second, CPU per request hardly moves when other work
 * shares the machine, which makes it the steadiest figure a shared 2-core box can give.
 */
export function processTreeCpuMs(rootPid: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  const stats = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        // Fields after the command name, which may itself contain spaces and parentheses.
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').at(-1)!.split(' ');
        // utime + stime, plus cutime + cstime: the CPU of children that exited and were reaped
        // (PostgreSQL backends of closed connections), which would otherwise vanish from the sum.
        return [{ pid: Number(pid), ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) }];
      } catch {
        return []; // Exited while we looked.
      }
    });
  const children = new Map<number, number[]>();
  for (const stat of stats) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), stat.pid]);
  const inTree = new Set<number>();
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.pop()!;
    if (inTree.has(pid)) continue;
    inTree.add(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  const ticks = stats.filter((stat) => inTree.has(stat.pid)).reduce((sum, stat) => sum + stat.ticks, 0);
  return (ticks / ticksPerSecond) * 1000;
}
