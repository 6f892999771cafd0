/** Runs a command and reports its wall time and the peak resident memory of its process tree. */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function treeRssKb(pid: number): number {
  return rssKb(pid) + children(pid).reduce((sum, child) => sum + treeRssKb(child), 0);
}

export interface Measured {
  code: number | null;
  seconds: number;
  peakMb: number;
  output: string;
}

export function measure(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measured> {
  readdirSync('/proc'); // fail early where /proc is missing
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRssKb(child.pid));
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - start) / 1000, peakMb: peak / 1024, output });
    });
  });
}
