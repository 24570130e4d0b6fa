/**
 * Runs one benchmark step as a child process and measures its wall time and peak memory.
 *
 * Peak RSS is sampled from /proc for the whole process tree (npm → node → the Pagefind
 * binary run by Astro's build), because `ru_maxrss` (what `/usr/bin/time -v` prints) is the
 * peak of the single largest process, not of the tree that is alive at the same time.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';

export interface StepResult {
  /** Wall-clock seconds from spawn to exit. */
  seconds: number;
  /** Highest sampled sum of VmRSS over the process tree, in bytes. */
  peakTreeRss: number;
  /** Highest VmHWM (peak RSS) seen for any single process of the tree, in bytes. */
  peakProcessRss: number;
  /** Everything the step printed (stdout and stderr interleaved). */
  output: string;
  /** Each printed line with the second (since spawn) it arrived: phase markers for profiling. */
  lines: { at: number; text: string }[];
  /**
   * User + system CPU seconds of the step and every child it waited for (GNU time), when
   * /usr/bin/time exists. Far less sensitive than wall time to other jobs on a shared machine.
   */
  cpuSeconds?: number;
}

/** A step stopped because its memory passed `maxTreeRss`. */
export class MemoryCapError extends Error {
  seconds: number;
  rss: number;
  constructor(message: string, seconds: number, rss: number) {
    super(message);
    this.name = 'MemoryCapError';
    this.seconds = seconds;
    this.rss = rss;
  }
}

/** GNU time prints this marker line (to stderr) after the step ends. */
const TIME_MARK = '__bench_time__';
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

function statusField(pid: number, field: string): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // the process exited between listing and reading
  }
}

/** Every live descendant of `root` (and root), from the parent pids in /proc/<pid>/stat. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces and parentheses: the ppid follows the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // exited meanwhile
    }
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * Runs `command args` in `cwd` with extra `env`, sampling memory every `sampleMs`.
 * Rejects with the step's output when it exits non-zero: a failed build is never a result.
 */
export function runStep(
  command: string,
  args: string[],
  options: {
    cwd: string;
    env?: Record<string, string>;
    sampleMs?: number;
    echo?: boolean;
    /**
     * Stop the step (kill its process tree) once the tree's RSS passes this many bytes: a
     * run that would exhaust a shared machine's memory is reported, not allowed to swap
     * or wake the OOM killer on other people's processes.
     */
    maxTreeRss?: number;
  },
): Promise<StepResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const [file, argv] = GNU_TIME ? [GNU_TIME, ['-f', `${TIME_MARK} %U %S`, command, ...args]] : [command, args];
    const child = spawn(file, argv, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const lines: { at: number; text: string }[] = [];
    let partial = '';
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      const at = (performance.now() - started) / 1000;
      const parts = (partial + text).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) lines.push({ at, text: line });
      if (options.echo) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    let peakTreeRss = 0;
    let stoppedForMemory: { at: number; rss: number } | undefined;
    const hwm = new Map<number, number>();
    const sample = () => {
      if (child.pid === undefined) return;
      let sum = 0;
      for (const pid of processTree(child.pid)) {
        sum += statusField(pid, 'VmRSS');
        hwm.set(pid, Math.max(hwm.get(pid) ?? 0, statusField(pid, 'VmHWM')));
      }
      peakTreeRss = Math.max(peakTreeRss, sum);
      if (options.maxTreeRss !== undefined && sum > options.maxTreeRss && !stoppedForMemory) {
        stoppedForMemory = { at: (performance.now() - started) / 1000, rss: sum };
        for (const pid of processTree(child.pid).reverse()) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
    };
    const timer = setInterval(sample, options.sampleMs ?? 100);
    setTimeout(sample, 10); // short steps would otherwise end before the first sample
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      if (stoppedForMemory) {
        const last = lines
          .filter((line) => line.text.trim() && !/[├└]─/.test(line.text))
          .slice(-5)
          .map((line) => `  ${line.at.toFixed(0)} s: ${line.text.trim()}`);
        reject(
          new MemoryCapError(
            `${command} ${args.join(' ')} stopped after ${stoppedForMemory.at.toFixed(0)} s: process tree RSS ${(stoppedForMemory.rss / 2 ** 30).toFixed(2)} GiB passed the cap of ${((options.maxTreeRss ?? 0) / 2 ** 30).toFixed(2)} GiB. Last log lines:\n${last.join('\n')}`,
            stoppedForMemory.at,
            stoppedForMemory.rss,
          ),
        );
        return;
      }
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-4000)}`));
        return;
      }
      if (partial) lines.push({ at: seconds, text: partial });
      const timeLine = lines.find((line) => line.text.startsWith(TIME_MARK));
      const [user, system] = timeLine ? timeLine.text.split(' ').slice(1).map(Number) : [];
      const cpuSeconds = timeLine ? user + system : undefined;
      resolve({ seconds, peakTreeRss, peakProcessRss: Math.max(0, ...hwm.values()), output, lines, cpuSeconds });
    });
  });
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
