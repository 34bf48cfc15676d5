// Time and peak memory to refuse hostile files (issue 14, items 7 and 12): each case is built in a temp
// folder and refused by a fresh process under /usr/bin/time -v, so the peak RSS is that refusal's.
//   npx tsx bench/hostile-files.ts            all cases, a table on stdout
//   npx tsx bench/hostile-files.ts --in-process         the refusals alone, timed inside one process
//   npx tsx bench/hostile-files.ts --gunzip <dataDir>   (internal: load the "bomb" set of <dataDir>)
// Cases: a 1 KB model.json declaring a 1,000,000-unit dense layer (`glyph-lab import`, which reads it
// the way models:list and models:import do), and a gzip bomb: a bundled-data IDX file of ~600 KB
// that inflates to 630 MB, loaded through datasets/load.ts. Nothing is kept: the folder is removed.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { oneSplitManifest } from '../datasets/test-manifest';
import { hugeModelJson } from '../engine/test-specs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** model.json + weights.bin of 16 bytes declaring 784 → 1,000,000 → 10. */
function writeHugeModel(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const json = hugeModelJson();
  writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
  writeFileSync(path.join(dir, 'weights.bin'), new Uint8Array(16));
}

/** `<dataDir>/bomb/`: a manifest of one 28×28 image whose images file inflates to 630 MB. */
function writeGzipBomb(dataDir: string): number {
  const dir = path.join(dataDir, 'bomb');
  mkdirSync(dir, { recursive: true });
  const count = 803_571; // × 784 ≈ 630 MB
  const raw = Buffer.alloc(16 + count * 784);
  raw.writeUInt32BE(0x00000803, 0);
  raw.writeUInt32BE(count, 4);
  raw.writeUInt32BE(28, 8);
  raw.writeUInt32BE(28, 12);
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(path.join(dir, 'train-images.idx.gz'), gz);
  const labels = Buffer.alloc(9);
  labels.writeUInt32BE(0x00000801, 0);
  labels.writeUInt32BE(1, 4);
  writeFileSync(path.join(dir, 'train-labels.idx.gz'), gzipSync(labels));
  const manifest = oneSplitManifest('bomb', 'train-images.idx.gz', 'train-labels.idx.gz');
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  return gz.byteLength;
}

interface Measured {
  seconds: number;
  peakMB: number;
  exit: number | null;
  said: string;
}

function timed(command: string, args: string[]): Measured {
  const run = spawnSync('/usr/bin/time', ['-v', command, ...args], { cwd: ROOT, encoding: 'utf8' });
  const stderr = run.stderr ?? '';
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : Number.NaN;
  const said = `${run.stdout ?? ''}\n${stderr}`
    .split('\n')
    .find((l) => /error|refus|limit|not a glyph|invalid|larger|inflat/i.test(l) && !l.includes('Command'));
  return {
    seconds,
    peakMB: rss ? Number(rss[1]) / 1024 : Number.NaN,
    exit: run.status,
    said: said?.trim() ?? '',
  };
}

async function gunzipCase(dataDir: string): Promise<void> {
  const { loadDatasetBytes } = await import('../datasets/load');
  try {
    await loadDatasetBytes('bomb', 'train', { dataDir });
    console.log('loaded (not refused)');
  } catch (error) {
    console.log(`error: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

/** The refusal alone, inside one process: its wall time and the peak RSS before and after it. */
async function inProcess(what: 'model' | 'gunzip', target: string): Promise<void> {
  const { readModelDir } = await import('../app/core/stores/model-store');
  const codec = await import('../app/core/model-codec');
  const { loadDatasetBytes } = await import('../datasets/load');
  const before = process.resourceUsage().maxRSS / 1024;
  const start = performance.now();
  let said = 'not refused';
  try {
    if (what === 'model') {
      const inspect = (codec as { inspectModel?: Parameters<typeof readModelDir>[2] }).inspectModel;
      await readModelDir(target, codec.validateModel, inspect);
    } else await loadDatasetBytes('bomb', 'train', { dataDir: target });
  } catch (error) {
    said = (error as Error).message;
  }
  const ms = performance.now() - start;
  const after = process.resourceUsage().maxRSS / 1024;
  console.log(
    `| ${what} (in process) | ${ms.toFixed(1)} ms | ${before.toFixed(0)} → ${after.toFixed(0)} MB | ${said.slice(-90)} |`,
  );
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--gunzip');
  if (at >= 0) return gunzipCase(process.argv[at + 1]!);
  if (process.argv.includes('--in-process')) {
    const tmp = mkdtempSync(path.join(tmpdir(), 'glyph-hostile-'));
    try {
      writeHugeModel(path.join(tmp, 'huge-model'));
      writeGzipBomb(path.join(tmp, 'data'));
      console.log('| case | time to refuse | peak RSS before → after | message |');
      console.log('|---|---|---|---|');
      await inProcess('model', path.join(tmp, 'huge-model'));
      await inProcess('gunzip', path.join(tmp, 'data'));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return;
  }
  const tmp = mkdtempSync(path.join(tmpdir(), 'glyph-hostile-'));
  try {
    writeHugeModel(path.join(tmp, 'huge-model'));
    const bombBytes = writeGzipBomb(path.join(tmp, 'data'));
    const rows: [string, Measured][] = [
      [
        '1 KB model.json, 1,000,000-unit dense layer (`glyph-lab import`)',
        timed('node', [
          'bin/glyph-lab.js',
          'import',
          path.join(tmp, 'huge-model'),
          '--data-dir',
          path.join(tmp, 'user'),
        ]),
      ],
      [
        `gzip bomb: ${(bombBytes / 1024).toFixed(0)} KB → 630 MB IDX (datasets/load.ts)`,
        timed('node_modules/.bin/tsx', ['bench/hostile-files.ts', '--gunzip', path.join(tmp, 'data')]),
      ],
    ];
    console.log('| input | time to refuse | peak RSS | exit | message |');
    console.log('|---|---|---|---|---|');
    for (const [name, m] of rows) {
      console.log(
        `| ${name} | ${m.seconds.toFixed(2)} s | ${m.peakMB.toFixed(0)} MB | ${m.exit} | ${m.said.slice(0, 160)} |`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
