// `tsx bench/finetune.ts`: fine-tune the built-in digits model (models/digits) on three new symbols
// (★ ♥ →) × 10 drawings generated from stroke data, with the app's recipe (app/model/fine-tune-recipe.ts),
// then measure: the time it takes, accuracy on 10 further drawings of each symbol (other seeds), and
// the MNIST test accuracy before and after. Repeats over several seeds.
//
// Flags: --runs N (default 3) · --samples N per symbol (10) · --copies N · --replay N · --epochs N ·
// --lr X · --layers head|all · --symbols star-heart-arrow|digit-like · --no-job · --json
// With the app's recipe (none of --samples, --copies, --replay, --epochs, --lr, --layers) and the job
// timed, a run refreshes its section `finetune-<symbols>` of docs/benchmarks.md (bench/report.ts).

import path from 'node:path';
import { parseArgs } from 'node:util';
import { validateModel } from '../app/core/model-codec';
import { readModelDir } from '../app/core/stores/model-store';
import { crossEntropy, readModel } from '../app/model/engine-model';
import { FINE_TUNE_RECIPE, FINE_TUNE_TRAINING, type FineTuneRecipe } from '../app/model/fine-tune-recipe';
import { extendClasses } from '../app/trainer/build-model';
import { loadReplay } from '../app/trainer/data';
import { fineTune } from '../app/trainer/fine-tune';
import { loadDataset } from '../datasets/load';
import { normalizeStrokes, strokesFromPairs } from '../datasets/normalize';
import {
  DEFAULT_VARIATION,
  DIGIT_LIKE_SYMBOLS,
  type DrawingVariation,
  drawSymbol,
  SYMBOLS as STAR_HEART_ARROW,
} from '../datasets/symbol-strokes';
import type { Dataset } from '../engine/batch';
import { evaluate } from '../engine/metrics';
import type { Sequential } from '../engine/model';
import { keepSection, runStart, writeRow } from './report';

/** The test drawings vary more than the training ones: more rotation, size, stretch and jitter. */
const TEST_VARIATION: DrawingVariation = { rotation: 25, size: [0.25, 0.7], aspect: 0.2, jitter: 0.01 };

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA_DIR = path.join(ROOT, 'datasets', 'data');
/** The side of the canvas the drawings are scaled to (CSS px), and the renderer's smallest glyph extent. */
const CANVAS = 400;
const MIN_EXTENT = 24;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    samples: { type: 'string', default: '10' },
    copies: { type: 'string' },
    replay: { type: 'string' },
    epochs: { type: 'string' },
    lr: { type: 'string' },
    layers: { type: 'string' },
    json: { type: 'boolean' },
    /** `digit-like` fine-tunes on ∞ ✓ △ instead of ★ ♥ → (closer to 8, 7 and 4: a harder test). */
    symbols: { type: 'string', default: 'star-heart-arrow' },
    /** Skip the timing of a whole job through the core and a trainer process. */
    'no-job': { type: 'boolean' },
    /** Leave docs/benchmarks.md alone (bench/report.ts). */
    'no-docs': { type: 'boolean' },
  },
});
const SYMBOLS = values.symbols === 'digit-like' ? DIGIT_LIKE_SYMBOLS : STAR_HEART_ARROW;
const start = runStart('bench/finetune.ts');

const recipe: FineTuneRecipe = {
  ...FINE_TUNE_RECIPE,
  copies: values.copies ? Number(values.copies) : FINE_TUNE_RECIPE.copies,
  replay: values.replay ? Number(values.replay) : FINE_TUNE_RECIPE.replay,
  layers: values.layers === 'all' ? 'all' : FINE_TUNE_RECIPE.layers,
};
const epochs = values.epochs ? Number(values.epochs) : FINE_TUNE_TRAINING.epochs;
const learningRate = values.lr ? Number(values.lr) : FINE_TUNE_TRAINING.learningRate;
const perSymbol = Number(values.samples);

/** Drawings of every symbol from seeds `base + i`, normalized like the app's live drawings. */
function symbolSet(base: number, count: number, classOffset: number, variation: DrawingVariation): Dataset {
  const images = new Float32Array(SYMBOLS.length * count * 784);
  const labels = new Int32Array(SYMBOLS.length * count);
  SYMBOLS.forEach((symbol, s) => {
    for (let i = 0; i < count; i++) {
      const drawing = drawSymbol(symbol, base + s * 1000 + i, variation).map((stroke) =>
        stroke.map(([x, y]) => [x * CANVAS, y * CANVAS] as [number, number]),
      );
      const k = s * count + i;
      images.set(normalizeStrokes(strokesFromPairs(drawing), { minExtent: MIN_EXTENT }), k * 784);
      labels[k] = classOffset + s;
    }
  });
  return { images, labels, sampleShape: [1, 28, 28] };
}

function calledNew(model: Sequential, data: Dataset, classes: number, oldClasses: number): number {
  const e = evaluate(model, data, { numClasses: classes });
  let n = 0;
  for (let t = 0; t < oldClasses; t++)
    for (let p = oldClasses; p < classes; p++) n += e.confusion[t * classes + p]!;
  return n;
}

function accuracy(model: Sequential, data: Dataset, classes: number): number {
  return evaluate(model, data, { numClasses: classes, loss: crossEntropy() }).accuracy;
}

const baseFiles = await readModelDir(path.join(ROOT, 'models', 'digits'), validateModel);
const baseClasses = baseFiles.json.classes as string[];
const mnistTest = await loadDataset('mnist', 'test', { dataDir: DATA_DIR });
const mnist: Dataset = { images: mnistTest.images, labels: mnistTest.labels, sampleShape: [1, 28, 28] };
const before = accuracy(readModel(baseFiles), mnist, baseClasses.length);

interface Run {
  seed: number;
  seconds: number;
  replaySeconds: number;
  symbols: number;
  perSymbol: Record<string, number>;
  mnistAfter: number;
  /** MNIST test images the fine-tuned model calls one of the new symbols. */
  mnistCalledNew: number;
}
const runs: Run[] = [];
for (let r = 0; r < Number(values.runs); r++) {
  const seed = 100 + r;
  // Training drawings from seeds 10,000·(r+1)…, test drawings from 500,000 + …: never the same strokes.
  const train = symbolSet(10_000 * (r + 1), perSymbol, baseClasses.length, DEFAULT_VARIATION);
  const test = symbolSet(500_000 + 10_000 * r, 10, baseClasses.length, TEST_VARIATION);
  const { model, classes } = extendClasses(
    readModel(baseFiles),
    baseClasses,
    [...baseClasses, ...SYMBOLS],
    seed,
  );
  const t0 = performance.now();
  const replay = await loadReplay(
    { kind: 'bundled', datasetId: 'mnist', dataDir: DATA_DIR },
    recipe.replay,
    classes,
    seed,
  );
  const t1 = performance.now();
  const { result } = await fineTune({
    model,
    custom: train,
    replay,
    recipe,
    options: {
      ...FINE_TUNE_TRAINING,
      epochs,
      learningRate,
      loss: crossEntropy(),
      seed,
    },
  });
  const t2 = performance.now();
  if (result.status !== 'completed') throw new Error(`fine-tuning ${result.status}`);
  const perSymbolAcc: Record<string, number> = {};
  SYMBOLS.forEach((symbol, s) => {
    const idx = Int32Array.from({ length: 10 }, (_, i) => s * 10 + i);
    const e = evaluate(model, test, { numClasses: classes.length, indices: idx });
    perSymbolAcc[symbol] = e.accuracy;
  });
  const run: Run = {
    seed,
    seconds: (t2 - t1) / 1000,
    replaySeconds: (t1 - t0) / 1000,
    symbols: accuracy(model, test, classes.length),
    perSymbol: perSymbolAcc,
    mnistAfter: accuracy(model, mnist, classes.length),
    mnistCalledNew: calledNew(model, mnist, classes.length, baseClasses.length),
  };
  runs.push(run);
  if (!values.json) {
    console.log(
      `run ${r + 1} (seed ${seed}): fine-tune ${run.seconds.toFixed(2)} s (+ replay load ${run.replaySeconds.toFixed(2)} s)` +
        ` · new drawings ${(run.symbols * 100).toFixed(1)} % (${SYMBOLS.map((s) => `${s} ${(perSymbolAcc[s]! * 100).toFixed(0)}`).join(', ')})` +
        ` · MNIST ${(before * 100).toFixed(2)} → ${(run.mnistAfter * 100).toFixed(2)} % (${run.mnistCalledNew} called a new symbol)`,
    );
  }
}

const mean = (f: (r: Run) => number) => runs.reduce((s, r) => s + f(r), 0) / runs.length;
const summary = {
  recipe,
  training: { ...FINE_TUNE_TRAINING, epochs, learningRate },
  samplesPerSymbol: perSymbol,
  mnistBefore: before,
  runs,
  mean: {
    seconds: mean((r) => r.seconds),
    symbols: mean((r) => r.symbols),
    mnistAfter: mean((r) => r.mnistAfter),
    mnistDropPoints: (before - mean((r) => r.mnistAfter)) * 100,
  },
  worst: {
    seconds: Math.max(...runs.map((r) => r.seconds)),
    symbols: Math.min(...runs.map((r) => r.symbols)),
    mnistDropPoints: (before - Math.min(...runs.map((r) => r.mnistAfter))) * 100,
  },
};
// The same fine-tuning as the app runs it: a job through the core and a real trainer process, from
// `training:start` to the saved model — data loading, the out-of-fold suspicious-sample check and the
// before/after evaluations included.
if (!values['no-job']) Object.assign(summary, { job: await timeJob() });

async function timeJob(): Promise<{ seconds: number; fineTuneSeconds: number; heldOut: number }> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { createCore } = await import('../app/core/core');
  const { spawnNodeTrainer } = await import('../app/core/spawn-node');
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'glyph-finetune-bench-'));
  const core = await createCore({ userDataDir, resourcesDir: ROOT, spawnTrainer: spawnNodeTrainer() });
  try {
    const set = await core.handlers['datasets:create']({ title: 'Symbols' });
    const drawings = symbolSet(10_000, perSymbol, 0, DEFAULT_VARIATION);
    for (let i = 0; i < drawings.labels.length; i++) {
      await core.handlers['samples:add']({
        datasetId: set.id,
        label: SYMBOLS[drawings.labels[i]!]!,
        image: drawings.images.slice(i * 784, (i + 1) * 784),
        strokes: [],
      });
    }
    const ended = new Promise<import('../app/shared/types').TrainingEvent>((resolve) =>
      core.on((event, payload) => {
        const e = payload as import('../app/shared/types').TrainingEvent;
        if (event === 'training:event' && (e.type === 'done' || e.type === 'error')) resolve(e);
      }),
    );
    const t0 = performance.now();
    await core.handlers['training:start']({
      datasetId: set.id,
      architecture: 'lenet',
      baseModelId: 'builtin-digits',
      ...FINE_TUNE_TRAINING,
      optimizer: { ...FINE_TUNE_TRAINING.optimizer },
      schedule: { ...FINE_TUNE_TRAINING.schedule },
      augmentation: true,
      seed: 1,
      validationSplit: 0,
    });
    const end = await ended;
    const seconds = (performance.now() - t0) / 1000;
    if (end.type !== 'done') throw new Error(`the job ended with ${end.type}`);
    const f = end.model.fineTune!;
    if (!values.json)
      console.log(
        `\nthrough the app's job (trainer process, ${perSymbol * SYMBOLS.length} samples, ${f.custom?.count ?? 0} held out): ` +
          `${seconds.toFixed(2)} s from start to saved model, of which fine-tuning ${f.seconds.toFixed(2)} s` +
          ` · base classes ${(f.base!.before * 100).toFixed(2)} → ${(f.base!.after * 100).toFixed(2)} % (${f.base!.on})` +
          ` · held-out ${((f.custom?.after ?? 0) * 100).toFixed(0)} % · flagged ${end.suspicious?.length ?? 0}`,
      );
    return { seconds, fineTuneSeconds: f.seconds, heldOut: f.custom?.after ?? 0 };
  } finally {
    await core.dispose();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

if (values.json) console.log(JSON.stringify(summary, null, 2));
else {
  const m = summary.mean;
  const w = summary.worst;
  console.log(
    `\nmean over ${runs.length} runs: ${m.seconds.toFixed(2)} s · new drawings ${(m.symbols * 100).toFixed(1)} % · MNIST drop ${m.mnistDropPoints.toFixed(2)} points` +
      `\nworst: ${w.seconds.toFixed(2)} s · ${(w.symbols * 100).toFixed(1)} % · drop ${w.mnistDropPoints.toFixed(2)} points` +
      `\ntargets: ≤ 10 s, ≥ 90 %, drop ≤ 1 point → ${w.seconds <= 10 && w.symbols >= 0.9 && w.mnistDropPoints <= 1 ? 'met' : 'NOT met'}`,
  );
}

const section = 'finetune';
const changed = [
  ...(['copies', 'replay', 'epochs', 'lr', 'layers'] as const).filter((k) => values[k] !== undefined),
  ...(perSymbol !== 10 ? ['samples'] : []),
];
const job = (summary as { job?: Awaited<ReturnType<typeof timeJob>> }).job;
if (changed.length > 0) keepSection(section, `not the app's recipe (--${changed.join(', --')})`);
else if (job === undefined) keepSection(section, '--no-job');
else {
  const pct = (x: number) => `${(x * 100).toFixed(1).replace(/\.0$/, '')} %`;
  const { mean: m, worst: w } = summary;
  await writeRow(
    section,
    start,
    [
      "| symbols | fine-tune time (mean / worst) | new drawings (mean / worst) | MNIST drop (mean / worst) | through the app's job | measured |",
      '|---|---|---|---|---|---|',
    ],
    [
      SYMBOLS.join(' '),
      `${m.seconds.toFixed(2)} s / ${w.seconds.toFixed(2)} s`,
      `${pct(m.symbols)} / ${pct(w.symbols)}`,
      `${m.mnistDropPoints.toFixed(2)} / ${w.mnistDropPoints.toFixed(2)} point`,
      `${job.seconds.toFixed(2)} s start to saved model (fine-tuning ${job.fineTuneSeconds.toFixed(2)} s), held-out ${pct(job.heldOut)}; MNIST before ${(before * 100).toFixed(2)} %, ${runs.length} runs`,
    ],
  );
}
