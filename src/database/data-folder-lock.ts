// One process per embedded data folder. PGlite has no lock of its own: two processes on one
// DATA_DIR each write their own copy of the pages, and the log ends up with duplicated
// positions and lost events. Every command that opens the folder takes this lock first; a
// second one is refused, told who holds it and what to do instead.
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { readFileSync, rmSync } from 'node:fs';

export const LOCK_FILE = 'stance-monitor.lock';

/** Who holds a data folder: written into the lock file as JSON. */
export interface LockHolder {
  pid: number;
  hostname: string;
  command: string;
  startedAt: string;
}

export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holder: LockHolder | null,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.hostname} ("${holder.command}", started ${holder.startedAt})`
      : 'another process (its lock file is being written)';
    super(`the data folder ${folder} is in use by ${who}.`);
    this.name = 'DataFolderLockedError';
  }
}

export interface DataFolderLock {
  readonly path: string;
  /** Removes the lock file if it is still this process's. Synchronous: it runs from process.on('exit'). */
  release(): void;
}

/** The folders this process holds, so that closing the database frees the folder at once. */
const held = new Map<string, DataFolderLock>();

/** Frees the folder if this process holds it (after its database is closed and flushed). */
export function releaseDataFolder(folder: string): void {
  held.get(resolve(folder))?.release();
  held.delete(resolve(folder));
}

/** A lock file younger than this with unreadable content is one being written, not a stale one. */
const FRESH_MS = 5_000;

/**
 * Takes the folder's lock for this process, or throws DataFolderLockedError naming the holder.
 * A lock left by a process that died (its pid is gone on this host) is taken over.
 */
export async function lockDataFolder(folder: string, command: string): Promise<DataFolderLock> {
  const path = join(folder, LOCK_FILE);
  await mkdir(folder, { recursive: true });
  const me: LockHolder = { pid: process.pid, hostname: hostname(), command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const file = await open(path, 'wx'); // exclusive create: of two processes, one wins
      try {
        await file.writeFile(JSON.stringify(me));
        await file.sync();
      } finally {
        await file.close();
      }
      const lock = { path, release: () => releaseIfMine(path, me.pid) };
      held.set(resolve(folder), lock);
      return lock;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (holder === 'gone') continue;
    if (holder === null || isAlive(holder)) throw new DataFolderLockedError(folder, holder);
    // Left by a process that no longer exists (killed, crashed): the folder is free.
    await rm(path, { force: true });
  }
  throw new DataFolderLockedError(folder, null);
}

async function readHolder(path: string): Promise<LockHolder | null | 'gone'> {
  try {
    const text = await readFile(path, 'utf8');
    const holder = JSON.parse(text) as LockHolder;
    if (Number.isInteger(holder.pid) && typeof holder.hostname === 'string') return holder;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
  }
  // Unreadable: being written right now, or the remains of a crash while writing it.
  const age = await stat(path).then((s) => Date.now() - s.mtimeMs, () => Infinity);
  return age < FRESH_MS ? null : { pid: 0, hostname: hostname(), command: '(unreadable lock file)', startedAt: '' };
}

/** Whether the holder still runs. On another host (a shared folder) we cannot tell: assume it does. */
export function isAlive(holder: LockHolder): boolean {
  if (holder.hostname !== hostname()) return true;
  // Our own pid in a lock we have not taken yet: an earlier life of this container or host.
  if (holder.pid <= 0 || holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0); // signal 0: only asks whether the process exists
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false; // EPERM: exists, another user's
  }
  // The pid exists; if it started after the lock was written, it is another process that reuses it.
  const started = processStartTime(holder.pid);
  return started === null || started <= Date.parse(holder.startedAt) + 1_000;
}

/** When a process started (epoch ms), from Linux's /proc; null elsewhere. */
function processStartTime(pid: number): number | null {
  try {
    // Field 22 of /proc/<pid>/stat, after the command name in parentheses, in clock ticks since boot.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture in use
    return Number.isFinite(ticks) && bootSeconds > 0 ? bootSeconds * 1000 + (ticks / TICKS_PER_SECOND) * 1000 : null;
  } catch {
    return null;
  }
}

function releaseIfMine(path: string, pid: number): void {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    if (holder.pid === pid && holder.hostname === hostname()) rmSync(path, { force: true });
  } catch {
    // Already gone, or replaced by a process that found ours stale: not ours to remove.
  }
}
