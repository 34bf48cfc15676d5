// Main answers the renderer within 100 ms while heavy work runs: each heavy operation is started through
// the core's handlers (as main's IPC would), and meanwhile a cheap request (`app:info`, through the same
// validating dispatch) is sent every 5 ms and timed. The worst delay per operation is printed; the
// assertion is generous (a loaded 2-core machine can deschedule any thread), the figures are the point.
// With a REAL worker thread, the real engine and sharp, and the bundled letters data and model.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../shared/api';
import { type Core, createCore } from './core';
import { spawnNodeTrainer } from './spawn-node';
import { readSetFiles } from './stores/set-files';
import { tempDir } from './test-helpers';
import { headerOnlyPng } from './test-png';
import { spawnThreadWorker } from './work-thread';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Generous: the issue asks for 100 ms; other jobs share these 2 cores. */
const BOUND_MS = 500;

let tmp: ReturnType<typeof tempDir>;
let core: Core;
const figures: { operation: string; worstMs: number; probes: number; seconds: number }[] = [];

/** A grey PNG of width × height, paper white with a black bar (ink) in the middle. */
async function barPng(file: string, width: number, height: number): Promise<void> {
  const raw = Buffer.alloc(width * height, 255);
  const x0 = Math.floor(width * 0.45);
  const x1 = Math.ceil(width * 0.55);
  for (let y = Math.floor(height * 0.2); y < height * 0.8; y++) raw.fill(0, y * width + x0, y * width + x1);
  await sharp(raw, { raw: { width, height, channels: 1 }, limitInputPixels: false })
    .png({ compressionLevel: 1 })
    .toFile(file);
}

/** Runs `operation` while timing `app:info` every 5 ms; records and returns the operation's result. */
async function whileProbing<T>(name: string, operation: () => T | Promise<T>): Promise<T> {
  // The channels timed here take no file grants, so the core's path handlers serve as they are.
  const handlers = core.handlers as unknown as Handlers;
  let done = false;
  let worst = 0;
  let probes = 0;
  const probing = (async () => {
    while (!done) {
      const sent = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 5));
      await dispatch(handlers, 'app:info', undefined);
      worst = Math.max(worst, performance.now() - sent - 5);
      probes++;
    }
  })();
  const started = performance.now();
  try {
    return await operation();
  } finally {
    const seconds = (performance.now() - started) / 1000;
    done = true;
    await probing;
    figures.push({ operation: name, worstMs: worst, probes, seconds });
  }
}

beforeAll(async () => {
  tmp = tempDir();
  core = await createCore({
    userDataDir: tmp.dir,
    resourcesDir: ROOT,
    spawnTrainer: spawnNodeTrainer(),
    spawnWorker: spawnThreadWorker(),
  });
  await barPng(path.join(tmp.dir, 'small.png'), 200, 100);
  await barPng(path.join(tmp.dir, 'big-4096.png'), 4096, 4096);
  await barPng(path.join(tmp.dir, 'huge-10000.png'), 10_000, 10_000);
  headerOnlyPng(path.join(tmp.dir, 'bomb-16383.png'), 16_383, 16_383);
});

afterAll(async () => {
  console.log(
    `main's worst response to app:info while each operation ran (bound ${BOUND_MS} ms):\n${figures
      .map(
        (f) =>
          `  ${f.operation}: ${f.worstMs.toFixed(1)} ms worst over ${f.probes} probes, ${f.seconds.toFixed(2)} s`,
      )
      .join('\n')}`,
  );
  await core?.dispose();
  tmp?.remove();
});

describe("main's event loop while heavy work runs", () => {
  it('has a baseline: the same probe while nothing runs (what the load of the machine alone costs)', async () => {
    await whileProbing('nothing (baseline)', () => new Promise((resolve) => setTimeout(resolve, 1500)));
    expect(figures.at(-1)!.worstMs).toBeLessThan(BOUND_MS);
  });

  it('stays responsive through image imports, and refuses images over 4096×4096 before decoding them', async () => {
    const set = await core.handlers['datasets:create']({ title: 'Big images' });
    // The first job starts the worker thread (and tsx in it); not a figure of interest.
    await core.handlers['samples:import']({
      datasetId: set.id,
      label: 'bar',
      paths: [path.join(tmp.dir, 'small.png')],
    });
    const importing = (file: string) =>
      whileProbing(`samples:import ${file}`, () =>
        core.handlers['samples:import']({
          datasetId: set.id,
          label: 'bar',
          paths: [path.join(tmp.dir, file)],
        }),
      );
    expect(await importing('big-4096.png')).toEqual({ imported: 1, rejected: [] });
    const huge = await importing('huge-10000.png');
    expect(huge.imported).toBe(0);
    expect(huge.rejected[0]?.reason).toMatch(/10000×10000 is too large \(at most 16,777,216 pixels/);
    const bomb = await importing('bomb-16383.png');
    expect(bomb.rejected[0]?.reason).toMatch(/16383×16383 is too large/);
    for (const f of figures.slice(-3)) expect(f.worstMs, f.operation).toBeLessThan(BOUND_MS);
  });

  it('stays responsive while a 20,000-line CSV set is imported (parsed in the worker, not in main)', async () => {
    // Every 1000th line has ink: the rest are refused as blank, so the figure is the parse, not 20,000 PNG writes.
    const ink = Array.from({ length: 784 }, (_, i) => (i % 28 === 14 ? 255 : 0)).join(',');
    const blank = new Array<number>(784).fill(0).join(',');
    const lines = Array.from({ length: 20_000 }, (_, i) => `${i % 2 ? 'a' : 'b'},${i % 1000 ? blank : ink}`);
    const file = path.join(tmp.dir, 'big.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    // For comparison, not asserted: the same parse in main's own thread, as it would be without the worker.
    await whileProbing('readSetFiles csv 20,000 lines in main (what the worker spares)', () =>
      readSetFiles('csv', [file]),
    );
    const set = await core.handlers['datasets:create']({ title: 'Big CSV' });
    const report = await whileProbing('datasets:import csv 20,000 lines', () =>
      core.handlers['datasets:import']({ id: set.id, format: 'csv', paths: [file] }),
    );
    expect(report.imported).toBe(20);
    expect(report.rejected).toHaveLength(19_980);
    expect(figures.at(-1)!.worstMs).toBeLessThan(BOUND_MS);
  });

  it('stays responsive while a sample with the most strokes allowed is saved', async () => {
    const set = await core.handlers['datasets:create']({ title: 'Long strokes' });
    const strokes = Array.from({ length: 100 }, (_, s) =>
      Array.from({ length: 500 }, (_, i) => [s + i / 10, Math.sin(i / 20) * 100] as [number, number]),
    );
    const image = new Float32Array(784).fill(0.5);
    const input = { datasetId: set.id, label: 'x', image, strokes };
    await whileProbing('samples:add with 50,000 points', () =>
      dispatch(core.handlers as unknown as Handlers, 'samples:add', input),
    );
    expect((await core.handlers['samples:list']({ datasetId: set.id })).length).toBe(1);
    expect(figures.at(-1)!.worstMs).toBeLessThan(BOUND_MS);
  });

  it('stays responsive while the letters model is evaluated and a letters split is read', async () => {
    const letters = (await core.handlers['models:list'](undefined)).find(
      (m) => m.builtin && m.datasetId === 'letters',
    );
    expect(letters, 'the built-in letters model').toBeDefined();
    const evaluation = await whileProbing('models:evaluate letters', () =>
      core.handlers['models:evaluate']({ id: letters!.id }),
    );
    expect(evaluation.count).toBeGreaterThan(1000);
    expect(evaluation.accuracy).toBeGreaterThan(0.5);
    const drill = await whileProbing('datasets:images letters train', () =>
      core.handlers['datasets:images']({ id: 'letters', split: 'train', indices: [0, 1, 2] }),
    );
    expect(drill.images.length).toBe(3 * 784);
    for (const f of figures.slice(-2)) expect(f.worstMs, f.operation).toBeLessThan(BOUND_MS);
  });
});
