// Reading whole lines (issue 19) on the real pen handwriting of the held-out UNIPEN writers (donors
// apa, uqb, pri; never trained on, never tuned on): 5-digit numbers, number-plate codes ("AB12CDE",
// "1ABC234") and short words, each line by one writer, spaced, sized and on a drifting baseline
// (datasets/lines/writer-lines.ts). For each: the exact-match rate of whole lines and the character
// error rate (edit distance / true length), read from the strokes and read as pictures through
// `glyph-lab read`'s own function (app/cli/line-image.ts: PNG decoded, ink, connected components);
// segmentation alone (found boxes matched one to one to the true characters, IoU ≥ 0.5); the time to
// re-read a 10-character line after each stroke while it is written (LineReader); and the real CLI on
// a few PNG files; codes once more with each line's pattern given (`--pattern`, a row of its own:
// it never replaces the figure without). Writes section `lines` of docs/benchmarks.md (a run with the defaults only). The
// Characters model reads with the Digits and Letters models inside each character's kind
// (withSpecialists), as `glyph-lab read` and Line mode do: up to three forward passes per candidate.
//
//   npx tsx bench/lines.ts [--lines 200] [--latency-lines 20] [--cli-files 5] [--seed 19]
//       [--digits-model models/digits] [--letters-model models/letters]
//       [--characters-model models/characters] [--diagnose] [--no-docs]

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLineFile } from '../app/cli/line-image';
import {
  type LineModelTask,
  readLineStrokes,
  strokeClassifier,
  withSpecialists,
} from '../app/model/line-reading';
import { argmax, type LineKind, restrictToKind } from '../datasets/lines/context';
import { drawLine } from '../datasets/lines/draw-line';
import { heldOutLines, loadHeldOutUnipen, TEST_DONORS } from '../datasets/lines/held-out-lines';
import { linePng } from '../datasets/lines/line-png';
import { LineReader } from '../datasets/lines/line-reader';
import { codeText, type LineSet, numberText, PLATE_PATTERNS, WORDS } from '../datasets/lines/line-texts';
import { patternKind } from '../datasets/lines/pattern';
import { type StrokeAtom, segmentStrokes } from '../datasets/lines/segment-strokes';
import { writerLines } from '../datasets/lines/writer-lines';
import { normalizeStrokes, strokesFromPairs } from '../datasets/normalize';
import { type BenchLineModel, builtInDir, loadLineModel } from './line-models';
import { LineScore } from './line-scores';
import { keepSection, runStart, writeSection } from './report';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const count = (name: string, fallback: number) => {
  const n = Number(option(name) ?? fallback);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name}: ${option(name)} is not a count`);
  return n;
};

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** One measured combination: a set of lines, read with one model as one kind of line. */
interface Run {
  readonly set: LineSet;
  readonly task: LineModelTask;
  readonly kind: LineKind;
  /** Read with each line's pattern given (`--pattern`: A a letter, 0 a digit), a separate row. */
  readonly pattern?: boolean;
}

/** Numbers and words with their own models (what `glyph-lab read` uses by default) and with Characters too. */
const RUNS: readonly Run[] = [
  { set: 'numbers', task: 'digits', kind: 'number' },
  { set: 'numbers', task: 'characters', kind: 'number' },
  { set: 'codes', task: 'characters', kind: 'mixed' },
  { set: 'codes', task: 'characters', kind: 'mixed', pattern: true },
  { set: 'words', task: 'letters', kind: 'letters' },
  { set: 'words', task: 'characters', kind: 'letters' },
];

const SET_NAMES: Record<LineSet, string> = {
  numbers: '5-digit numbers',
  codes: `plates (${PLATE_PATTERNS.join(', ')})`,
  words: `words (${WORDS.length}, 3–5 letters)`,
};

/** The pattern of a code as the person would give it: A for each letter, 0 for each digit. */
const patternOf = (text: string) => text.replace(/[A-Z]/g, 'A').replace(/[0-9]/g, '0');

/** Small letters without ascenders: the ones whose height shows their case (letter-case.ts). */
const X_HEIGHT = 'acemnorsuvwxzgpqy';

/** Words are scored case-merged: the letters model is, and case comes from geometry alone. */
const foldOf = (set: LineSet) => (set === 'words' ? (s: string) => s.toLowerCase() : undefined);

interface Result {
  readonly run: Run;
  readonly model: BenchLineModel;
  readonly strokes: LineScore;
  readonly image: LineScore;
  /** Characters whose strokes alone are exactly one atom (before the search). */
  readonly atomsWhole: number;
  /** Each true character classified alone (the true segmentation): the model's ceiling. */
  readonly alone: number;
  readonly msPerLine: { strokes: number; image: number };
  /** Words read right (case-merged) from strokes: their x-height letters, and those shown small. */
  readonly small: { letters: number; shown: number };
}

async function measure(
  run: Run,
  model: BenchLineModel,
  lines: ReturnType<typeof heldOutLines>,
): Promise<Result> {
  const strokes = new LineScore();
  const image = new LineScore();
  const fold = foldOf(run.set);
  let atomsWhole = 0;
  let alone = 0;
  const small = { letters: 0, shown: 0 };
  const t0 = performance.now();
  for (const l of lines) {
    const line = strokesFromPairs(l.strokes);
    const atoms = segmentStrokes(line);
    for (let c = 0; c < l.boxes.length; c++) {
      const own = atoms.filter((a) => a.strokes.some((s) => l.owner[s] === c));
      if (own.length === 1 && own[0].strokes.every((s) => l.owner[s] === c)) atomsWhole++;
      // Under the line's kind, as the search reads it (a number's 0 is never O), or the pattern's.
      const p = restrictToKind(
        model.predict(normalizeStrokes(line.filter((_, s) => l.owner[s] === c))),
        model.classes,
        run.pattern ? patternKind(patternOf(l.text)[c]) : run.kind,
      );
      if (model.classes[argmax(p)].toLowerCase() === l.text[c].toLowerCase()) alone++;
    }
    const pattern = run.pattern ? patternOf(l.text) : undefined;
    const r = readLineStrokes(line, model, { kind: run.kind, pattern });
    if (run.set === 'words' && r.text.toLowerCase() === l.text) {
      for (let c = 0; c < l.text.length; c++) {
        if (!X_HEIGHT.includes(l.text[c])) continue;
        small.letters++;
        if (r.text[c] === l.text[c]) small.shown++;
      }
    }
    strokes.add(
      r.text,
      l.text,
      r.characters.map((c) => c.box),
      l.boxes,
      fold,
    );
    if (r.text !== l.text && process.argv.includes('--diagnose')) {
      console.log(
        `  ${l.writer} ${l.text} read ${r.text} (${r.characters.map((c) => c.confidence.toFixed(2)).join(' ')})`,
      );
    }
  }
  const t1 = performance.now();
  for (const l of lines) {
    const drawn = drawLine(l);
    const pattern = run.pattern ? patternOf(l.text) : undefined;
    const r = await readLineFile(await linePng(drawn), model, { kind: run.kind, pattern });
    image.add(
      r.text,
      l.text,
      r.characters.map((c) => c.box),
      drawn.boxes,
      fold,
    );
  }
  const t2 = performance.now();
  const n = Math.max(1, lines.length);
  return {
    run,
    model,
    strokes,
    image,
    atomsWhole,
    alone,
    msPerLine: { strokes: (t1 - t0) / n, image: (t2 - t1) / n },
    small,
  };
}

/** Re-reading a 10-character line after each of its strokes, as the Draw screen does: ms per read. */
function latency(
  run: Run,
  model: BenchLineModel,
  samples: Parameters<typeof writerLines>[0],
  n: number,
  seed: number,
) {
  const text =
    run.set === 'numbers'
      ? (rng: Parameters<typeof numberText>[0]) => numberText(rng, 10)
      : (rng: Parameters<typeof codeText>[0]) => codeText(rng, 10);
  const lines = writerLines(samples, TEST_DONORS, text, n, seed);
  const times: number[] = [];
  let classified = 0;
  // One line written untimed first, so the JIT's warm-up is not in the figures.
  const warm = strokesFromPairs(lines[0].strokes);
  const warmReader = new LineReader<StrokeAtom>(strokeClassifier(warm, model));
  for (let k = 1; k <= warm.length; k++) {
    warmReader.read(segmentStrokes(warm.slice(0, k)), { classes: model.classes, kind: run.kind });
  }
  for (const l of lines) {
    const all = strokesFromPairs(l.strokes);
    const reader = new LineReader<StrokeAtom>(strokeClassifier(all, model));
    for (let k = 1; k <= all.length; k++) {
      const t = performance.now();
      reader.read(segmentStrokes(all.slice(0, k)), { classes: model.classes, kind: run.kind });
      times.push(performance.now() - t);
    }
    classified += reader.classified;
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? Number.NaN;
  return { reads: times.length, p50: q(0.5), p95: q(0.95), perRead: classified / Math.max(1, times.length) };
}

/** The real `glyph-lab read` on the first `n` lines as PNG files: how many it reads exactly. */
function cliRun(run: Run, model: BenchLineModel, lines: ReturnType<typeof heldOutLines>, pngs: Buffer[]) {
  const dir = mkdtempSync(join(tmpdir(), 'glyph-lines-'));
  try {
    const files = pngs.map((png, i) => {
      const file = join(dir, 'lines', `${String(i).padStart(3, '0')}.png`);
      mkdirSync(join(dir, 'lines'), { recursive: true });
      writeFileSync(file, png);
      return file;
    });
    const out = spawnSync(
      process.execPath,
      [
        resolve(ROOT, 'bin/glyph-lab.js'),
        'read',
        join(dir, 'lines'),
        '--kind',
        run.kind,
        '--model',
        model.dir,
        '--json',
        '--data-dir',
        join(dir, 'data'),
      ],
      { encoding: 'utf8' },
    );
    const read = out.stdout
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((s) => JSON.parse(s) as { file: string; text?: string });
    const fold = foldOf(run.set) ?? ((s: string) => s);
    const exact = files.filter((f, i) => {
      const r = read.find((x) => x.file === f);
      return r?.text !== undefined && fold(r.text) === fold(lines[i].text);
    }).length;
    return { files: files.length, exact, code: out.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const start = runStart('bench/lines.ts');
  const samples = loadHeldOutUnipen();
  if (!samples)
    throw new Error('the bundled pen handwriting (datasets/handwriting/unipen-dev.json.gz) is missing');
  const n = count('lines', 200);
  const latencyLines = count('latency-lines', 20);
  const cliFiles = count('cli-files', 5);
  const seed = count('seed', 19);
  const dirs: Record<LineModelTask, string> = {
    digits: option('digits-model') ?? builtInDir('digits'),
    letters: option('letters-model') ?? builtInDir('letters'),
    characters: option('characters-model') ?? builtInDir('characters'),
  };
  const models = new Map<LineModelTask, BenchLineModel | null>(
    (Object.keys(dirs) as LineModelTask[]).map((t) => [t, loadLineModel(dirs[t])]),
  );
  // The Characters model with its specialists: how every reader of lines uses it.
  const characters = models.get('characters');
  const specialists = { digits: models.get('digits'), letters: models.get('letters') };
  const passes = 1 + [specialists.digits, specialists.letters].filter(Boolean).length;
  if (characters)
    models.set('characters', { ...withSpecialists(characters, specialists), dir: characters.dir });
  const results: Result[] = [];
  const latencies: string[] = [];
  const cli: string[] = [];
  const skipped: string[] = [];
  for (const run of RUNS) {
    const model = models.get(run.task);
    if (!model) {
      skipped.push(`${SET_NAMES[run.set]} with the ${run.task} model (none in ${dirs[run.task]})`);
      console.log(`${run.set} / ${run.task}: no model in ${dirs[run.task]}; skipped`);
      continue;
    }
    const lines = heldOutLines(samples, run.set, n, seed);
    const r = await measure(run, model, lines);
    results.push(r);
    console.log(
      `${SET_NAMES[run.set]}, ${run.task} model, kind ${run.kind}${run.pattern ? ', pattern given' : ''}: strokes exact ${pct(r.strokes.exactRate)} CER ${pct(r.strokes.cer)}; ` +
        `image exact ${pct(r.image.exactRate)} CER ${pct(r.image.cer)}; boxes ${pct(r.strokes.boxRate)} / ${pct(r.image.boxRate)}; ` +
        `${r.msPerLine.strokes.toFixed(1)} / ${r.msPerLine.image.toFixed(1)} ms per line`,
    );
    // The Draw screen's cases: numbers with the digits model, codes with Characters.
    if (run.pattern) continue; // its latency and CLI runs are the row above's
    if (latencyLines > 0 && (run.set === 'codes' || (run.set === 'numbers' && run.task === 'digits'))) {
      const l = latency(run, model, samples, latencyLines, seed + 1);
      const what = run.set === 'numbers' ? '10-digit numbers' : '10-character codes (0–9, A–Z)';
      const perCandidate = run.task === 'characters' ? passes : 1;
      latencies.push(
        `| ${what} | ${run.task}${perCandidate > 1 ? ' (with digits and letters inside the kind)' : ''} | ${l.reads} | ${l.p50.toFixed(2)} ms | ${l.p95.toFixed(2)} ms | ${l.perRead.toFixed(1)} | ${(l.perRead * perCandidate).toFixed(1)} |`,
      );
      console.log(`  re-reading ${what} after each stroke: ${latencies.at(-1)}`);
    }
    if (cliFiles > 0) {
      const few = lines.slice(0, cliFiles);
      const c = cliRun(run, model, few, await Promise.all(few.map((l) => linePng(drawLine(l)))));
      cli.push(
        `${SET_NAMES[run.set]} (${run.task}, --kind ${run.kind}): ${c.exact} of ${c.files} read exactly (exit ${c.code})`,
      );
      console.log(`  glyph-lab read on ${c.files} PNG files: ${c.exact} exact, exit ${c.code}`);
    }
  }

  const table = [
    '| lines | model, `--kind` | lines | read from strokes: exact / CER | as images through `glyph-lab read`: exact / CER | boxes right (IoU ≥ 0.5, one to one): strokes / image | each character alone, true cuts, under the kind |',
    '|---|---|---:|---|---|---|---:|',
    ...results.map(
      (r) =>
        `| ${SET_NAMES[r.run.set]} | ${r.run.task}, ${r.run.kind}${r.run.pattern ? ', `--pattern` given (A letter, 0 digit)' : ''} | ${r.strokes.lines} | **${pct(r.strokes.exactRate)}** / ${pct(r.strokes.cer)} | ` +
        `**${pct(r.image.exactRate)}** / ${pct(r.image.cer)} | ${pct(r.strokes.boxRate)} / ${pct(r.image.boxRate)} | ${pct(r.alone / Math.max(1, r.strokes.characters))} |`,
    ),
  ];
  const numbers = results.find((r) => r.run.set === 'numbers' && r.run.task === 'digits');
  const codes = results.find((r) => r.run.set === 'codes' && !r.run.pattern);
  const targets = [
    numbers
      ? `5-digit numbers read exactly ≥ 95 %: ${pct(numbers.strokes.exactRate)} from strokes (${numbers.strokes.exactRate >= 0.95 ? 'met' : 'not met'}), ${pct(numbers.image.exactRate)} as images (${numbers.image.exactRate >= 0.95 ? 'met' : 'not met'})`
      : '5-digit numbers: not measured',
    codes
      ? `character error rate on codes ≤ 3 %: ${pct(codes.strokes.cer)} from strokes (${codes.strokes.cer <= 0.03 ? 'met' : 'not met'}), ${pct(codes.image.cer)} as images (${codes.image.cer <= 0.03 ? 'met' : 'not met'})`
      : 'codes: not measured (no Characters model)',
  ];
  const atoms = results
    .filter((r) => !r.run.pattern && (r.run.task !== 'characters' || r.run.set === 'codes'))
    .map((r) => `${SET_NAMES[r.run.set]} ${pct(r.atomsWhole / Math.max(1, r.strokes.characters))}`);
  const body = [
    `Held-out writers (UNIPEN donors ${TEST_DONORS.join(', ')}), ${n} lines per set, seed ${seed}; a line is one writer's real characters, ` +
      'gaps 0.12–0.45 × capital height, ±8 % size, a baseline drifting up to 3 %. Images: 60 px capitals, a 5 px round pen, written as PNG and read back. ' +
      'Words are scored case-merged (the letters model is; case comes from geometry).',
    '',
    ...table,
    '',
    `Targets: ${targets.join('; ')}.`,
    '',
    `Segmentation before the search (strokes): characters that are exactly one atom: ${atoms.join(', ')}. ` +
      results
        .filter((r) => r.small.letters > 0)
        .map(
          (r) =>
            `Case from geometry (words read right from strokes, ${r.run.task} model): ${pct(r.small.shown / r.small.letters)} of ` +
            `${r.small.letters} small letters without ascenders (${X_HEIGHT}) shown small.`,
        )
        .join(' ') +
      ' Letters with ascenders keep the capital form.',
    '',
    '| re-reading while writing, after each stroke | model | reads | p50 | p95 | characters classified per read | forward passes per read |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...latencies,
    '',
    `\`glyph-lab read --json\` as a process on the first ${cliFiles} lines of each set as PNG files: ${cli.join('; ')}.`,
    ...(skipped.length ? ['', `Not measured: ${skipped.join('; ')}.`] : []),
  ].join('\n');
  console.log(`\n${body}`);
  const smoke = n < 200 ? `a smoke run (--lines ${n})` : undefined;
  const other = (Object.keys(dirs) as LineModelTask[]).find((t) => resolve(dirs[t]) !== builtInDir(t));
  const why =
    smoke ??
    (other
      ? `not the built-in ${other} model`
      : skipped.length
        ? 'the Characters model is missing'
        : undefined);
  if (why === undefined) await writeSection('lines', start, body);
  else keepSection('lines', why);
}

await main();
