// The sweep behind the line reader's segmentation settings
// (docs/experiments/2026-12-05-line-segmentation-tuning.md), run on lines of the VALIDATION donor
// (ibm: never trained on, never a test donor), never on the held-out writers bench/lines.ts reports.
// One pass of coordinate search from the current defaults (or, `--from previous`, the settings before
// the study): each setting in turn is tried at a few values with the others at their best so far,
// and kept where the mean character error rate over the tuning lines (numbers, words and, once the
// Characters model exists, codes; from strokes and as images; at the bench's spacing) drops by more
// than `--margin` (default 0.1 point) without raising the mean on lines with tight gaps (glyphs often
// touching) by more than the margin; ties keep what was there. The tight lines are a guard, not the
// measure: their image-path errors are large enough to decide every choice alone. Probabilities are
// cached per candidate, so a setting that changes no cut costs no forward pass. Prints; writes nothing.
// The context settings (docs/experiments/2026-12-05-line-specialists.md) are swept too: `context.
// specialists` (w of datasets/lines/specialists.ts: the Digits and Letters models inside the kind of
// a code's character; 0 = the Characters model alone) and `context.kindSwitch` (kind-sequence.ts's
// switch cost; −1 = the older neighbour lean). `--only context` sweeps those alone.
//
//   npx tsx bench/line-tuning.ts [--lines 300] [--seed 5] [--margin 0.001] [--donors ibm]
//       [--sets numbers,words,codes] (codes need models/characters) [--from defaults|previous|no-specialists]
//       [--digits-model <dir>] [--letters-model <dir>] [--characters-model <dir>] [--only <group,...>]

import type { LineModel, LineModelTask } from '../app/model/line-reading';
import { loadUnipen } from '../datasets/handwriting/unipen';
import { TEST_DONORS, VALIDATION_DONORS } from '../datasets/handwriting/writers';
import { DIGIT_BIAS, type LineKind } from '../datasets/lines/context';
import { type DrawnLine, drawLine } from '../datasets/lines/draw-line';
import { GEOMETRY_PRIOR_DEFAULTS, type GeometryPriorOptions } from '../datasets/lines/geometry-prior';
import { type LineSet, lineText } from '../datasets/lines/line-texts';
import { type Candidate, type LineAtom, MAX_MERGE, readLine } from '../datasets/lines/read-line';
import {
  imageOfAtoms,
  SEGMENT_IMAGE_DEFAULTS,
  type SegmentImageOptions,
  segmentImage,
} from '../datasets/lines/segment-image';
import {
  SEGMENT_STROKES_DEFAULTS,
  type SegmentStrokesOptions,
  segmentStrokes,
  strokesOfAtoms,
} from '../datasets/lines/segment-strokes';
import { combineSpecialists, SPECIALIST_WEIGHT } from '../datasets/lines/specialists';
import { type WriterLine, writerLines } from '../datasets/lines/writer-lines';
import { normalizeImage, normalizeStrokes, type Stroke, strokesFromPairs } from '../datasets/normalize';
import { builtInDir, loadLineModel } from './line-models';
import { editDistance } from './line-scores';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

interface Settings {
  maxMerge: number;
  geometry: Required<GeometryPriorOptions>;
  strokes: Required<Omit<SegmentStrokesOptions, 'lineHeight'>>;
  image: Required<SegmentImageOptions>;
  /** specialists: w (0 = off); kindSwitch: the switch cost, −1 for the neighbour lean. */
  context: { specialists: number; digitBias: number; kindSwitch: number };
}

const DEFAULTS: Settings = {
  maxMerge: MAX_MERGE,
  geometry: { ...GEOMETRY_PRIOR_DEFAULTS },
  strokes: { ...SEGMENT_STROKES_DEFAULTS },
  image: { ...SEGMENT_IMAGE_DEFAULTS },
  context: { specialists: SPECIALIST_WEIGHT, digitBias: DIGIT_BIAS, kindSwitch: -1 },
};

/** The settings before this sweep (2026-12-05), once tried on the held-out writers: `--from previous`. */
const PREVIOUS: Settings = {
  ...DEFAULTS,
  geometry: { ...DEFAULTS.geometry, maxAspect: 1, gapWeight: 6, gapCost: 2 },
  image: { ...DEFAULTS.image, contain: 0.6 },
  context: { specialists: 0, digitBias: 1, kindSwitch: -1 },
};

/** The settings swept, with the values tried: [group, key, values]. */
const SWEEP: [keyof Settings | 'maxMerge', string, number[]][] = [
  ['maxMerge', 'maxMerge', [2, 3, 4]],
  ['geometry', 'gapCost', [0, 1, 2, 3, 4]],
  ['geometry', 'gapWeight', [0, 3, 6, 12, 24]],
  ['geometry', 'maxAspect', [0.8, 1, 1.2, 1.5]],
  ['geometry', 'aspectWeight', [2, 4, 8, 16]],
  ['strokes', 'ahead', [0, 0.05, 0.1, 0.2]],
  ['strokes', 'touchConsecutive', [0.06, 0.12, 0.2]],
  ['strokes', 'containConsecutive', [0.3, 0.4, 0.5, 0.6]],
  ['strokes', 'contain', [0.5, 0.6, 0.7]],
  ['image', 'contain', [0.4, 0.5, 0.6, 0.7, 0.8]],
  ['image', 'splitWidth', [1.2, 1.5, 2]],
  ['context', 'specialists', [0, 0.25, 0.5, 0.75, 1]],
  ['context', 'digitBias', [1, 1.5, 2, 3, 4]],
  ['context', 'kindSwitch', [-1, 0, 0.5, 1, 2, 3, 5]], // KIND_SWITCH is the best of these
  // Again with the kinds settled: the specialists' weight and the prior interact with them.
  ['context', 'specialists', [0, 0.25, 0.5, 1]],
  ['context', 'digitBias', [1, 1.5, 2, 3, 4]],
];

function withValue(s: Settings, group: string, key: string, v: number): Settings {
  if (group === 'maxMerge') return { ...s, maxMerge: v };
  const g = group as 'geometry' | 'strokes' | 'image' | 'context';
  return { ...s, [g]: { ...s[g], [key]: v } };
}

function settingOf(s: Settings, group: string, key: string): number {
  if (group === 'maxMerge') return s.maxMerge;
  return (s[group as 'geometry' | 'strokes' | 'image' | 'context'] as Record<string, number>)[key];
}

interface TuningLine {
  readonly line: WriterLine;
  readonly strokes: Stroke[];
  readonly drawn: DrawnLine;
  /** Probabilities per candidate key, strokes and image path (kept across settings). */
  readonly cache: Map<string, ArrayLike<number>>;
}

interface Group {
  readonly name: string;
  readonly kind: LineKind;
  readonly model: LineModel;
  /** The Digits and Letters models, read inside the kind of a code's characters. */
  readonly specialists: readonly LineModel[];
  readonly lines: TuningLine[];
  /** Whether the choice is made on it (the bench's spacing); the tight lines are a check only. */
  readonly pick: boolean;
}

/** Each model's probabilities for a candidate, cached per model; combined under the settings. */
function cached<A extends LineAtom>(
  t: TuningLine,
  g: Group,
  s: Settings,
  input: (c: Candidate<A>) => Float32Array,
) {
  const of = (model: LineModel, name: string, c: Candidate<A>, x: () => Float32Array) => {
    const key = `${name}:${c.key}`;
    let p = t.cache.get(key);
    if (!p) t.cache.set(key, (p = Float32Array.from(model.predict(x()))));
    return p;
  };
  return (c: Candidate<A>) => {
    let x: Float32Array | undefined;
    const once = () => (x ??= input(c));
    const own = of(g.model, 'own', c, once);
    if (s.context.specialists === 0 || g.specialists.length === 0) return own;
    const readings = g.specialists.map((m, i) => ({ classes: m.classes, probs: of(m, `s${i}`, c, once) }));
    return combineSpecialists(own, g.model.classes, readings, s.context.specialists);
  };
}

/** Character error rates of a group under some settings: [strokes, image]. */
function score(g: Group, s: Settings): [number, number] {
  let chars = 0;
  let strokeEdits = 0;
  let imageEdits = 0;
  const fold = (x: string) => (g.kind === 'letters' ? x.toLowerCase() : x);
  for (const t of g.lines) {
    const options = {
      classes: g.model.classes,
      kind: g.kind,
      maxMerge: s.maxMerge,
      geometry: s.geometry,
      kindSwitch: s.context.kindSwitch < 0 ? null : s.context.kindSwitch,
      digitBias: s.context.digitBias,
    };
    const a = readLine(
      segmentStrokes(t.strokes, s.strokes),
      cached(t, g, s, (c) => normalizeStrokes(strokesOfAtoms(t.strokes, c.atoms))),
      options,
    );
    const b = readLine(
      segmentImage(t.drawn.image, t.drawn.width, t.drawn.height, s.image),
      cached(t, g, s, (c) => {
        const crop = imageOfAtoms(c.atoms);
        return normalizeImage(crop.image, crop.width, crop.height);
      }),
      options,
    );
    chars += t.line.text.length;
    strokeEdits += editDistance(fold(a.text), fold(t.line.text));
    imageEdits += editDistance(fold(b.text), fold(t.line.text));
  }
  return [strokeEdits / chars, imageEdits / chars];
}

const pct = (x: number) => `${(100 * x).toFixed(2)}`;

function main(): void {
  const samples = loadUnipen();
  if (!samples) throw new Error('the bundled pen handwriting is missing');
  const donors = option('donors')?.split(',') ?? [...VALIDATION_DONORS];
  const leak = donors.filter((d) => TEST_DONORS.includes(d));
  if (leak.length) throw new Error(`--donors: ${leak.join(', ')} are test donors; tuning never sees them`);
  const n = Number(option('lines') ?? 300);
  const seed = Number(option('seed') ?? 5);
  const margin = Number(option('margin') ?? 0.001);
  const sets = (option('sets')?.split(',') ?? ['numbers', 'words', 'codes']) as LineSet[];
  const plan: [LineSet, LineModelTask, LineKind][] = [
    ['numbers', 'digits', 'number'],
    ['codes', 'characters', 'mixed'],
    ['words', 'letters', 'letters'],
  ];
  const spacings: [string, [number, number], boolean][] = [
    ['bench spacing', [0.12, 0.45], true],
    ['tight', [0.02, 0.2], false],
  ];
  const groups: Group[] = [];
  for (const [set, task, kind] of plan) {
    if (!sets.includes(set)) continue;
    const model = loadLineModel(option(`${task}-model`) ?? builtInDir(task));
    if (!model) {
      console.log(`${set}: no ${task} model; left out`);
      continue;
    }
    // Specialists for the Characters model only: the single-task models read their own kind already.
    const specialists =
      task === 'characters'
        ? (['digits', 'letters'] as const).flatMap((t) => {
            const m = loadLineModel(option(`${t}-model`) ?? builtInDir(t));
            return m ? [m] : [];
          })
        : [];
    for (const [i, [spacing, gap, pick]] of spacings.entries()) {
      const lines = writerLines(samples, donors, (rng) => lineText(set, rng), n, seed + i, { gap });
      groups.push({
        name: `${set} (${spacing})`,
        kind,
        model,
        specialists,
        pick,
        lines: lines.map((line) => ({
          line,
          strokes: strokesFromPairs(line.strokes),
          drawn: drawLine(line),
          cache: new Map(),
        })),
      });
    }
  }
  console.log(`tuning lines: donors ${donors.join(', ')}, ${n} lines per group, seed ${seed}`);
  const objective = (s: Settings) => {
    const per = groups.map((g) => score(g, s));
    const mean = (pick: boolean) => {
      const some = per.filter((_, i) => groups[i].pick === pick);
      return some.reduce((a, [x, y]) => a + x + y, 0) / Math.max(1, 2 * some.length);
    };
    return { per, mean: mean(true), check: mean(false) };
  };
  const header = `| setting | value | mean CER (chosen on) | tight (guard) | ${groups.map((g) => `${g.name} strokes / image`).join(' | ')} |`;
  console.log(`\n${header}\n|${'---|'.repeat(4 + groups.length)}`);
  const from = option('from') ?? 'defaults';
  const starts: Record<string, Settings> = {
    defaults: DEFAULTS,
    previous: PREVIOUS,
    // The shipped segmentation with the context of before the specialists study.
    'no-specialists': { ...DEFAULTS, context: { specialists: 0, digitBias: 1, kindSwitch: -1 } },
  };
  if (!starts[from]) throw new Error(`--from: ${Object.keys(starts).join(', ')}`);
  let best = starts[from];
  let bestScore = objective(best);
  const row = (name: string, v: string, o: ReturnType<typeof objective>, mark = '') =>
    console.log(
      `| ${name} | ${v}${mark} | ${pct(o.mean)} | ${pct(o.check)} | ${o.per.map(([x, y]) => `${pct(x)} / ${pct(y)}`).join(' | ')} |`,
    );
  row(from, '–', bestScore);
  const only = option('only')?.split(',');
  for (const [group, key, values] of SWEEP) {
    if (only && !only.includes(group)) continue;
    const name = group === 'maxMerge' ? 'maxMerge' : `${group}.${key}`;
    const current = settingOf(best, group, key);
    let chosen = current;
    let chosenScore = bestScore;
    const tried: [number, ReturnType<typeof objective>][] = [];
    for (const v of values) {
      const o = v === current ? bestScore : objective(withValue(best, group, key, v));
      tried.push([v, o]);
      if (o.mean < chosenScore.mean - margin && o.check <= chosenScore.check + margin) {
        chosen = v;
        chosenScore = o;
      }
    }
    for (const [v, o] of tried) row(name, String(v), o, v === chosen ? ' ←' : '');
    best = withValue(best, group, key, chosen);
    bestScore = chosenScore;
  }
  console.log('\nchosen settings:', JSON.stringify(best));
  row('chosen', '–', bestScore);
}

main();
