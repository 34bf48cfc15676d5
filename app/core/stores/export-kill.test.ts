// Kill loop: a child process replaces a native export over and over and is SIGKILLed at random
// moments. After each kill, the start-up recovery (`sweepJournal`, as `createCore` runs it) must leave
// exactly the old export or the new one at the target, whole, and no temp of ours anywhere.

import { type ChildProcess, fork } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sweepJournal } from '../../../datasets/io/atomic';
import { isOurExport } from '../../../datasets/io/export-folder';
import { tempDir } from '../test-helpers';
import { pendingExportsDir } from './export-target';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const KILLS = 60;

interface Writer {
  child: ChildProcess;
  started: number;
  exportMs: number[];
  exited: Promise<void>;
}

function startWriter(target: string, journal: string, first: number, exportMs: number[]): Promise<Writer> {
  const child = fork(path.join(HERE, 'export-kill-writer.ts'), [target, journal, String(first)], {
    execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const writer: Writer = {
    child,
    started: first - 1,
    exportMs,
    exited: new Promise((resolve) => child.once('exit', () => resolve())),
  };
  return new Promise((resolve, reject) => {
    child.on('message', (m: { start?: number; done?: number; ms?: number }) => {
      if (m.start !== undefined) {
        writer.started = m.start;
        resolve(writer); // ready: its first export has begun
      }
      if (m.ms !== undefined) exportMs.push(m.ms);
    });
    child.once('exit', (code) => reject(new Error(`writer exited with ${code} before starting`)));
  });
}

/** The generation of the export at `dir`, or a reason it is not a whole export of ours. */
async function generationOf(dir: string, model: Buffer, weights: Buffer): Promise<number | string> {
  if (!(await fs.stat(dir).catch(() => null))) return 'missing';
  if (!(await isOurExport(dir, 'model'))) return 'not a whole export of ours';
  const read = (name: string) => fs.readFile(path.join(dir, name)).catch(() => Buffer.alloc(0));
  if (!(await read('model.json')).equals(model)) return 'model.json differs';
  if (!(await read('weights.bin')).equals(weights)) return 'weights.bin differs';
  const gen = /- Exported: gen-(\d+)/.exec((await read('README.md')).toString('utf8'));
  return gen ? Number(gen[1]) : 'README.md has no generation';
}

async function ourTemps(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.startsWith('.tmp-'));
}

describe('an export killed while it replaces an earlier one', () => {
  it(`leaves the old export or the new one, never none or a torn one (${KILLS} kills)`, async () => {
    const tmp = tempDir();
    try {
      const parent = path.join(tmp.dir, 'exports');
      const target = path.join(parent, 'digits-export');
      const journal = pendingExportsDir(path.join(tmp.dir, 'user'));
      const exportMs: number[] = [];
      const torn: string[] = [];
      const outcome = { old: 0, new: 0, missingBeforeRecovery: 0, leftoversBeforeRecovery: 0 };

      // Generation 0, written by a writer that finishes at least one export.
      let writer = await startWriter(target, journal, 0, exportMs);
      while (exportMs.length < 1) await new Promise((r) => setTimeout(r, 20));
      writer.child.kill('SIGKILL');
      await writer.exited;
      await sweepJournal(journal);
      const model = await fs.readFile(path.join(target, 'model.json'));
      const weights = await fs.readFile(path.join(target, 'weights.bin'));
      let seen = await generationOf(target, model, weights);
      expect(typeof seen).toBe('number');

      for (let kill = 0; kill < KILLS; kill++) {
        writer = await startWriter(target, journal, (seen as number) + 1, exportMs);
        const mean = exportMs.reduce((a, b) => a + b, 0) / exportMs.length;
        // Anywhere within the first few exports, so kills land in staging, the swap and the clean-up.
        await new Promise((r) => setTimeout(r, Math.random() * 3 * mean));
        writer.child.kill('SIGKILL');
        await writer.exited;

        if (!(await fs.stat(target).catch(() => null))) outcome.missingBeforeRecovery++;
        if ((await ourTemps(parent)).length > 0) outcome.leftoversBeforeRecovery++;
        await sweepJournal(journal); // what createCore runs at start-up

        const gen = await generationOf(target, model, weights);
        const leftovers = [
          ...(await ourTemps(parent)),
          ...(await ourTemps(target)),
          ...(await ourTemps(journal)),
        ];
        const notes = await fs.readdir(journal).catch(() => [] as string[]);
        if (typeof gen !== 'number') torn.push(`kill ${kill}: ${gen}`);
        else if (gen < (seen as number))
          torn.push(`kill ${kill}: went back to generation ${gen} from ${seen}`);
        else if (gen > writer.started + 1) torn.push(`kill ${kill}: generation ${gen} was never started`);
        else {
          if (gen === seen) outcome.old++;
          else outcome.new++;
          seen = gen;
        }
        if (leftovers.length > 0 || notes.length > 0)
          torn.push(`kill ${kill}: left ${[...leftovers, ...notes]}`);
      }

      const sorted = [...exportMs].sort((a, b) => a - b);
      console.log(
        `export kill loop: ${KILLS} kills, ${torn.length} torn or left over; ` +
          `${outcome.old} kept the old export, ${outcome.new} had the new one; before recovery ` +
          `${outcome.missingBeforeRecovery} had no target and ${outcome.leftoversBeforeRecovery} had temps; ` +
          `${exportMs.length} exports finished, median ${sorted[sorted.length >> 1]?.toFixed(1)} ms each ` +
          '(the built-in digits model)',
      );
      expect(torn).toEqual([]);
    } finally {
      tmp.remove();
    }
  }, 900_000);
});
