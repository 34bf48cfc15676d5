// Reading whole lines (issue 19): 5-digit numbers composed from real pen digits of the held-out
// UNIPEN writers (donors apa, uqb, pri; datasets/lines/compose.ts), read with the built-in digits
// model. Prints segmentation alone (atoms that are exactly one character; characters whose read box
// is the true box), the exact-match rate of whole lines, the character error rate (edit distance /
// true length), and the time to re-read a 10-digit line after its last stroke (LineReader cache).
//
//   GLYPH_LAB_UNIPEN=/path/unipen-dev.json.gz npx tsx bench/lines.ts [--lines 200] [--seed 19]
//       [--model models/digits] [--kind number|mixed] [--gap 0.12,0.45] [--diagnose]

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { boxIou } from '../datasets/lines/box';
import { argmax, type LineKind } from '../datasets/lines/context';
import { drawLine } from '../datasets/lines/draw-line';
import { digitLines, loadHeldOutUnipen } from '../datasets/lines/held-out-lines';
import { LineReader } from '../datasets/lines/line-reader';
import { readLine } from '../datasets/lines/read-line';
import { imageOfAtoms, segmentImage } from '../datasets/lines/segment-image';
import { type StrokeAtom, segmentStrokes, strokesOfAtoms } from '../datasets/lines/segment-strokes';
import { normalizeImage, normalizeStrokes, type Stroke, strokesFromPairs } from '../datasets/normalize';
import { Recognizer } from '../engine/predict';
import { deserializeModel } from '../engine/serialize';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

function main(): void {
  const samples = loadHeldOutUnipen();
  if (!samples) {
    console.log('bench/lines: the UNIPEN file is absent (set GLYPH_LAB_UNIPEN); skipped');
    return;
  }
  const count = Number(option('lines') ?? 200);
  const seed = Number(option('seed') ?? 19);
  const kind = (option('kind') ?? 'number') as LineKind;
  const dir = option('model') ?? fileURLToPath(new URL('../models/digits/', import.meta.url));
  const { model, meta } = deserializeModel(
    JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')),
    readFileSync(join(dir, 'weights.bin')),
  );
  const recognizer = new Recognizer(model);
  const classifyIn = (strokes: readonly Stroke[]) => (c: { atoms: readonly StrokeAtom[] }) =>
    recognizer.predict(normalizeStrokes(strokesOfAtoms(strokes, c.atoms)));

  // --gap lo,hi: the gap after each character × capital height (default 0.12,0.45; tight gaps make
  // glyphs touch, which only the image path's splitting can undo).
  const gap = option('gap')?.split(',').map(Number) as [number, number] | undefined;
  const lines = digitLines(samples, count, 5, seed, gap ? { gap } : {});
  let chars = 0;
  let atomWhole = 0;
  let boxRight = 0;
  let exact = 0;
  let edits = 0;
  let alone = 0;
  let linesAlone = 0;
  const t0 = performance.now();
  for (const l of lines) {
    const strokes = strokesFromPairs(l.strokes);
    const atoms = segmentStrokes(strokes);
    for (let c = 0; c < l.boxes.length; c++) {
      const own = atoms.filter((a) => a.strokes.some((s) => l.owner[s] === c));
      if (own.length === 1 && own[0].strokes.every((s) => l.owner[s] === c)) atomWhole++;
    }
    // The ceiling the model sets: each character classified alone from its own strokes.
    let lineAlone = 0;
    for (let c = 0; c < l.boxes.length; c++) {
      const own = strokes.filter((_, s) => l.owner[s] === c);
      const p = recognizer.predict(normalizeStrokes(own));
      if (meta.classes[argmax(p)] === l.text[c]) lineAlone++;
    }
    alone += lineAlone;
    if (lineAlone === l.text.length) linesAlone++;
    const r = readLine(atoms, classifyIn(strokes), {
      classes: meta.classes,
      kind,
    });
    // A character's box is right when a read character's box is the true one (IoU ≥ 0.95).
    for (const b of l.boxes) if (r.characters.some((c) => boxIou(c.box, b) >= 0.95)) boxRight++;
    chars += l.text.length;
    const d = editDistance(r.text, l.text);
    edits += d;
    if (d === 0) exact++;
    else if (process.argv.includes('--diagnose')) {
      console.log(
        `  ${l.text} read ${r.text}: ${r.characters.map((c) => `${c.text} ${c.confidence.toFixed(2)}`).join(', ')}`,
      );
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `Lines of 5 digits from held-out UNIPEN writers (apa, uqb, pri), ${count} lines, seed ${seed}` +
      (gap ? `, gaps ${gap.join('–')} × height` : ''),
  );
  console.log(`  model ${dir}, kind ${kind}`);
  console.log(`  segmentation: ${pct(atomWhole / chars)} of characters are exactly one atom (strokes alone)`);
  console.log(`  segmentation after reading: ${pct(boxRight / chars)} of true boxes found (IoU ≥ 0.95)`);
  console.log(
    `  the model alone on the true characters: ${pct(alone / chars)} of characters, ${pct(linesAlone / count)} of lines all right`,
  );
  console.log(`  exact-match rate of whole lines: ${pct(exact / count)} (${exact} / ${count})`);
  console.log(`  character error rate: ${pct(edits / chars)} (${edits} edits / ${chars} characters)`);
  console.log(`  ${((1000 * seconds) / count).toFixed(1)} ms per line, cold (no cache)`);

  // The same lines as pictures (a 60 px capital height, a 5 px round pen: a photo of a note), read
  // through segmentImage and normalizeImage, as `glyph-lab read` will.
  let imageExact = 0;
  let imageEdits = 0;
  let imageBoxes = 0;
  const ti = performance.now();
  for (const l of lines) {
    const { image, width, height, boxes } = drawLine(l);
    const atoms = segmentImage(image, width, height);
    const r = readLine(
      atoms,
      (c) => {
        const crop = imageOfAtoms(c.atoms);
        return recognizer.predict(normalizeImage(crop.image, crop.width, crop.height));
      },
      { classes: meta.classes, kind },
    );
    for (const b of boxes) if (r.characters.some((c) => boxIou(c.box, b) >= 0.8)) imageBoxes++;
    const d = editDistance(r.text, l.text);
    imageEdits += d;
    if (d === 0) imageExact++;
  }
  console.log(
    `  as images (60 px capitals, 5 px pen): true boxes found ${pct(imageBoxes / chars)} (IoU ≥ 0.8), ` +
      `exact-match ${pct(imageExact / count)}, character error rate ${pct(imageEdits / chars)}, ` +
      `${((performance.now() - ti) / count).toFixed(1)} ms per line`,
  );

  // Live re-reading: a 10-digit line written stroke by stroke; the time of each re-read after a stroke.
  const long = digitLines(samples, 20, 10, seed + 1);
  const times: number[] = [];
  let calls = 0;
  let reads = 0;
  let mostCalls = 0;
  for (const l of long) {
    const all = strokesFromPairs(l.strokes);
    const reader = new LineReader<StrokeAtom>((c) => classifyIn(all)(c));
    for (let n = 1; n <= all.length; n++) {
      const strokes = all.slice(0, n);
      const before = reader.classified;
      const t = performance.now();
      reader.read(segmentStrokes(strokes), { classes: meta.classes, kind });
      times.push(performance.now() - t);
      calls += reader.classified - before;
      mostCalls = Math.max(mostCalls, reader.classified - before);
      reads++;
    }
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2);
  console.log(
    `  re-reading a 10-digit line after each stroke (${reads} reads): p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, ` +
      `${(calls / reads).toFixed(1)} candidates classified per read (at most ${mostCalls})`,
  );
}

main();
