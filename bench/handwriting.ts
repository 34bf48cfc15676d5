// Real handwriting: how well Glyph Lab's digits and letters models recognize people's pen strokes
// from the UNIPEN file (../shared/handwriting/unipen-dev.json.gz, outside the repository; skipped when
// absent), replayed through both input paths (normalizeStrokes as a live drawing, and a pen raster
// through normalizeImage as an imported picture); plus the digits model on digits rendered from the
// held-out handwriting fonts. Accuracy overall, per class, per donor, and by slant / aspect. Targets:
// digits ≥ 97 %, letters ≥ 90 %. The UNIPEN file is only ever evaluated on, never trained on.
//
//   npx tsx bench/handwriting.ts [--digits-model DIR|model.json] [--letters-model DIR|model.json]
//       [--preset lenet] [--epochs 3] [--seed 1] [--retrain] [--limit N] [--file PATH] [--diagnose]
//       [--only digits|letters] [--paths strokes|image]

import os from 'node:os';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPLAY_PATHS, type ReplayPath, replay } from '../datasets/handwriting/replay';
import {
  classOf,
  loadUnipen,
  type Task,
  UNIPEN_PATH,
  type UnipenSample,
} from '../datasets/handwriting/unipen';
import { loadAllFaces } from '../datasets/letters/fonts';
import { DIGIT_CLASSES, generateSet } from '../datasets/letters/generate';
import { normalizeStrokes, strokesFromPairs } from '../datasets/normalize';
import { isPresetId } from '../engine/presets';
import { Rng } from '../engine/rng';
import {
  bin,
  groupBy,
  predictAll,
  predictWithConfidence,
  rate,
  shapeStats,
  sureRate,
  topConfusions,
} from './handwriting-eval';
import { type BenchModel, loadModelFile, quickModel } from './handwriting-models';
import { keepSection, runStart, writeSection } from './report';

const TARGETS: Record<Task, number> = { digits: 0.97, letters: 0.9 };
const ROOT = fileURLToPath(new URL('..', import.meta.url));

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

async function getModel(task: Task): Promise<BenchModel> {
  const path = option(`${task}-model`);
  if (path) return loadModelFile(path);
  const presetId = option('preset') ?? 'lenet';
  if (!isPresetId(presetId)) throw new Error(`unknown preset ${presetId}`);
  return quickModel(task, {
    preset: presetId,
    epochs: Number(option('epochs') ?? 3),
    seed: Number(option('seed') ?? 1),
    retrain: flag('retrain'),
  });
}

function inputsFor(samples: readonly UnipenSample[], f: (s: UnipenSample) => Float32Array): Float32Array {
  const x = new Float32Array(samples.length * 784);
  for (let i = 0; i < samples.length; i++) x.set(f(samples[i]), i * 784);
  return x;
}

function accuracy(truth: Int32Array, pred: Int32Array): number {
  let c = 0;
  for (let i = 0; i < truth.length; i++) if (truth[i] === pred[i]) c++;
  return c / truth.length;
}

/** Prints the task's figures; returns the markdown of its docs/benchmarks.md section. */
function reportTask(task: Task, all: readonly UnipenSample[], m: BenchModel): string[] {
  let samples = all.filter((s) => classOf(s.label, task) >= 0);
  const limit = Number(option('limit') ?? 0);
  if (limit > 0 && samples.length > limit) samples = new Rng(7).shuffle([...samples]).slice(0, limit);
  const truth = Int32Array.from(samples, (s) => classOf(s.label, task));
  const written = samples.map((s) => s.label);
  console.log(`\n## UNIPEN ${task}: ${samples.length} samples, model ${m.origin}\n`);
  const doc = [
    `Model \`${relative(ROOT, m.origin)}\`, ${samples.length.toLocaleString('en')} glyphs.`,
    '',
    '| path | top-1 | target | shown as an answer (not "Not sure") | right when shown |',
    '|---|---|---|---|---|',
  ];
  const preds = new Map<ReplayPath, Int32Array>();
  const paths = (option('paths')?.split(',') ?? REPLAY_PATHS) as ReplayPath[];
  for (const path of paths) {
    const t0 = performance.now();
    const x = inputsFor(samples, (s) => replay(s.strokes, path));
    const { pred, sure } = predictWithConfidence(m.model, x, samples.length);
    preds.set(path, pred);
    const acc = accuracy(truth, pred);
    const verdict = acc >= TARGETS[task] ? 'meets' : 'below';
    const shown = sureRate(truth, pred, sure);
    console.log(
      `- ${path} path: top-1 **${(100 * acc).toFixed(2)} %** (${verdict} the ${100 * TARGETS[task]} % target; ${((performance.now() - t0) / 1000).toFixed(1)} s); ` +
        `shown as an answer (not "Not sure") ${(100 * shown.shown).toFixed(1)} %, right when shown ${(100 * shown.right).toFixed(2)} %`,
    );
    doc.push(
      `| ${path} | **${(100 * acc).toFixed(2)} %** | ≥ ${100 * TARGETS[task]} % (${acc >= TARGETS[task] ? 'met' : 'not met'}) | ` +
        `${(100 * shown.shown).toFixed(1)} % | ${(100 * shown.right).toFixed(2)} % |`,
    );
  }
  const s = preds.get(paths[0])!;
  const im = preds.get(paths[paths.length - 1])!;
  const table = (title: string, keys: string[]) => {
    const a = groupBy(keys, truth, s);
    const b = groupBy(keys, truth, im);
    const lines = [`| ${title} | n | strokes path | image path |`, '|---|---|---|---|'];
    for (const [k, t] of a) lines.push(`| ${k} | ${t.total} | ${rate(t)} | ${rate(b.get(k))} |`);
    console.log(`\n${lines.join('\n')}`);
    // For the docs, one line: `apa 97.8 / 97.7 % (692), …`
    return [...a].map(
      ([k, t]) => `${k} ${rate(t).replace(' %', '')} / ${rate(b.get(k))} (${t.total.toLocaleString('en')})`,
    );
  };
  const donors = table(
    'donor',
    samples.map((x) => x.donor),
  );
  doc.push('', `Per donor, strokes / image path (glyphs): ${donors.join(', ')}.`);
  if (task === 'letters') {
    const categories = table(
      'category',
      samples.map((x) => (x.category === '1b' ? 'capitals' : 'small letters')),
    );
    doc.push(`By category: ${categories.join(', ')}.`);
  }
  table(
    'class',
    samples.map((_, i) => m.classes[truth[i]]),
  );
  for (const path of paths) {
    const top = topConfusions(written, truth, preds.get(path)!, m.classes, 20);
    console.log(`\nMost frequent confusions (${path} path, written → predicted): ${top.join(', ')}`);
    if (path === paths[0])
      doc.push(
        '',
        `Most frequent confusions (${path} path, written → predicted): ${top.slice(0, 10).join(', ')}.`,
      );
  }
  if (flag('diagnose')) diagnose(samples, truth, s, m);
  return doc;
}

/** Is the normalization the cause? Accuracy by slant and aspect, and under other pen widths. */
function diagnose(
  samples: readonly UnipenSample[],
  truth: Int32Array,
  pred: Int32Array,
  m: BenchModel,
): void {
  const stats = samples.map((x) => shapeStats(x.strokes));
  const by = (title: string, keys: string[]) => {
    const g = groupBy(keys, truth, pred);
    console.log(`\n| ${title} | n | strokes path |\n|---|---|---|`);
    for (const [k, t] of g) console.log(`| ${k} | ${t.total} | ${rate(t)} |`);
  };
  by(
    'slant (shear; > 0 leans right)',
    stats.map((t) => bin(t.slant, [-0.3, -0.1, 0.1, 0.3, 0.5])),
  );
  by(
    'aspect (width / height)',
    stats.map((t) => bin(t.aspect, [0.25, 0.5, 0.8, 1.2])),
  );
  console.log('\n| strokes path variant | top-1 |\n|---|---|');
  for (const width of [1.5, 2.5, 3.5]) {
    const x = inputsFor(samples, (u) =>
      normalizeStrokes(strokesFromPairs(u.strokes), { strokeWidth: width }),
    );
    console.log(
      `| pen width ${width} px | ${(100 * accuracy(truth, predictAll(m.model, x, samples.length))).toFixed(2)} % |`,
    );
  }
  const deslanted = inputsFor(samples, (u) => {
    const { slant } = shapeStats(u.strokes);
    return normalizeStrokes(
      strokesFromPairs(u.strokes.map((st) => st.map(([px, py]): [number, number] => [px + slant * py, py]))),
    );
  });
  console.log(
    `| deslanted (shear removed) | ${(100 * accuracy(truth, predictAll(m.model, deslanted, samples.length))).toFixed(2)} % |`,
  );
}

/** The digits model on digits rendered from the fonts the letters build holds out; returns a line. */
function heldOutFontDigits(m: BenchModel): string {
  const faces = loadAllFaces().filter((f) => f.split === 'test');
  const set = generateSet(DIGIT_CLASSES, faces, { perClass: 300, seed: 99 });
  const x = new Float32Array(set.images.length);
  for (let i = 0; i < x.length; i++) x[i] = set.images[i] / 255;
  const truth = Int32Array.from(set.labels);
  const pred = predictAll(m.model, x, set.count);
  const g = groupBy(
    Array.from(truth, (t) => String(t)),
    truth,
    pred,
  );
  console.log(
    `\n## Digits rendered from the held-out fonts (${faces.map((f) => f.name).join(', ')}): ${set.count} images\n`,
  );
  const top1 = `${(100 * accuracy(truth, pred)).toFixed(2)} %`;
  console.log(`- top-1 **${top1}**`);
  console.log(`- per digit: ${[...g].map(([k, t]) => `${k}: ${rate(t)}`).join(', ')}`);
  console.log(
    `- confusions: ${topConfusions(
      Array.from(truth, (t) => String(t)),
      truth,
      pred,
      m.classes,
      10,
    ).join(', ')}`,
  );
  return `Digits rendered from the ${faces.length} held-out fonts of the letters build (${set.count.toLocaleString('en')} images): **${top1}**.`;
}

/** Why this run's figures are not the section's (the section holds the built-in model, both paths). */
function notTheSection(task: Task): string | undefined {
  if (option('limit')) return 'a --limit run';
  if (option('paths')) return 'one path only';
  const given = option(`${task}-model`);
  const builtIn = resolve(ROOT, 'models', task);
  if (given === undefined || ![builtIn, resolve(builtIn, 'model.json')].includes(resolve(given)))
    return `not the built-in model (the section is for --${task}-model models/${task})`;
  return undefined;
}

async function main(): Promise<void> {
  const start = runStart('bench/handwriting.ts');
  const started = performance.now();
  console.log(`# handwriting  ${new Date().toISOString()}`);
  console.log(
    `machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.availableParallelism()} (Node ${process.version})`,
  );
  const only = option('only');
  const tasks = (only ? only.split(',') : ['digits', 'letters']) as Task[];
  const models = new Map<Task, BenchModel>();
  for (const t of tasks) models.set(t, await getModel(t));
  const file = option('file') ?? UNIPEN_PATH;
  const unipen = loadUnipen(file);
  const sections = new Map<Task, string[]>();
  if (unipen === null) {
    console.log(`\nUNIPEN: skipped: file absent (${file})`);
  } else {
    for (const [t, m] of models) sections.set(t, reportTask(t, unipen, m));
  }
  const digits = models.get('digits');
  if (digits) sections.get('digits')?.push('', heldOutFontDigits(digits));
  console.log(`\n(total ${((performance.now() - started) / 1000).toFixed(0)} s)`);
  for (const [task, body] of sections) {
    const why = notTheSection(task);
    if (why === undefined) await writeSection(`handwriting-${task}`, start, body.join('\n'));
    else keepSection(`handwriting-${task}`, why);
  }
}

await main();
