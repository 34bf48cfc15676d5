// The parts of a model card (README.md beside an exported or shipped model) that only a recipe-trained
// model has: its calibration and what "Not sure" and "not a character" catch on writers it never saw,
// the test figures beside the headline one, the recipe that reproduces it, the pairs of a digit and a
// letter no single glyph can separate, and the credit UNIPEN's licence asks for when its pen
// handwriting was used. Each gives nothing for a model without the field.

import { UNIPEN_CREDIT } from '../../datasets/handwriting/info';
import { AMBIGUOUS_PAIRS } from '../../datasets/lines/context';
import type { ConfidenceFigures, ReliabilityBin } from '../shared/types';
import type { AppModelMeta } from './model-meta';

type Meta = Partial<AppModelMeta>;

/** "98.86 %": the card's one percentage format. */
export const pct = (x: number) => `${(x * 100).toFixed(2)} %`;

const count = (n: number) => n.toLocaleString('en');

/** "- Also tested: 99.12 % on Pen digits of …, 1,368 images", one line per figure beside the headline. */
export function alsoEvaluatedLines(meta: Meta): string[] {
  return (meta.alsoEvaluated ?? []).map(
    (e) =>
      `- Also tested: ${pct(e.accuracy)} on ${e.label} (${e.datasetId} ${e.split} split, ${count(e.count)} images)`,
  );
}

function reliabilityRow(b: ReliabilityBin): string {
  const range = `${Math.round(b.from * 100)}–${Math.round(b.to * 100)} %`;
  return b.count === 0
    ? `| ${range} | 0 | – | – |`
    : `| ${range} | ${count(b.count)} | ${pct(b.confidence)} | ${pct(b.accuracy)} |`;
}

/** The reliability diagram as a table: per confidence bin, how many answers, how confident, how right. */
function reliabilityTable(bins: ReliabilityBin[]): string {
  return [
    '| confidence | answers | mean confidence | accuracy |',
    '|---|---:|---:|---:|',
    ...bins.map(reliabilityRow),
  ].join('\n');
}

const ece = (f: ConfidenceFigures) => `${pct(f.eceUncalibrated)} → ${pct(f.ece)}`;

/** "## Confidence": the temperature, the thresholds, ECE before → after, "Not sure", scribbles, reliability. */
export function confidenceSection(meta: Meta): string {
  const c = meta.calibration;
  if (!c) return '';
  const test = c.test;
  const testName = test ? `${test.on}, ${count(test.count)} images` : '';
  const parts = [
    `Calibrated by temperature scaling on ${c.fittedOn}: every logit is divided by T = ${c.temperature.toFixed(3)} ` +
      'before the softmax (the ranking, and so the accuracy, is unchanged). The app shows an answer as sure ' +
      `at a calibrated confidence of ${pct(c.sureAbove)} or more, as "Not sure" below it, and as ` +
      `"not a character" below ${pct(c.notACharacterBelow)}.`,
    [
      'Expected calibration error (10 bins), before → after the temperature:',
      '',
      `- Validation donors (${c.fittedOn}): ${ece(c.validation)}`,
      ...(test ? [`- Test (${testName}): ${ece(test)}`] : []),
    ].join('\n'),
  ];
  if (test)
    parts.push(
      [
        `On the test (${testName}), with these thresholds:`,
        '',
        `- Answers shown as sure: ${pct(test.sureShare)}; their accuracy: ${pct(test.sureAccuracy)}`,
        `- Mistakes shown as sure: ${pct(test.mistakesShownSure)} (the others read "Not sure" or "not a character")`,
        `- Top-1 accuracy: ${pct(test.accuracy)}; top-3: ${pct(test.top3)}`,
        `- Real characters read as "not a character": ${pct(test.rejected)}`,
      ].join('\n'),
    );
  const s = c.scribbles;
  if (s)
    parts.push(
      `Generated scribbles, lone dots, hatching and coils (${count(s.count)}, never trained on): ` +
        `${pct(s.readAsCharacter)} read as a character, ${pct(s.shownSure)} shown as a sure one.`,
    );
  const shown = test ?? c.validation;
  parts.push(
    `Reliability after the temperature, on the ${test ? `test (${test.on})` : `validation donors (${c.fittedOn})`}:\n\n` +
      reliabilityTable(shown.reliability),
  );
  return `## Confidence\n\n${parts.join('\n\n')}\n`;
}

/** "## Recipe": the data mix with its counts and repeats, the validation donors, the command. */
export function recipeSection(meta: Meta): string {
  const r = meta.recipe;
  if (!r) return '';
  const mix = [
    '| data | samples | copies per epoch |',
    '|---|---:|---:|',
    ...r.mix.map((m) => `| ${m.source} | ${count(m.samples)} | ${m.repeat} |`),
  ].join('\n');
  return `## Recipe

Trained by Glyph Lab's trainer from the built-in recipe \`${r.id}\` (\`models/${r.id}/recipe.json\`):
\`glyph-lab train --recipe ${r.id} --builtin\` reproduces it (seeded).

${mix}

Validation, held out of training (the calibration is fitted on it): ${r.validation}.
`;
}

/** The bundled sets that hold UNIPEN's pen handwriting (`letters`: its test split is UNIPEN's writers). */
const PEN_SETS = new Set(['pen-digits', 'pen-letters', 'pen-characters', 'letters']);

/** The bundled sets a model was trained, validated or tested on, as far as its card says. */
function setsUsed(meta: Meta, datasetId: string): string[] {
  const r = meta.recipe;
  // A recipe's mix names each source "<set> <split> …" (app/trainer/recipe/assemble.ts describeSource).
  const fromRecipe = r ? [...r.mix.map((m) => m.source), ...r.validation.split(' + ')] : [];
  return [
    datasetId,
    meta.evaluation?.datasetId,
    meta.fineTune?.replayedFrom,
    ...(meta.alsoEvaluated ?? []).map((e) => e.datasetId),
    ...fromRecipe.map((s) => s.split(' ')[0]),
  ].filter((s): s is string => typeof s === 'string');
}

/** "## Credits" when the model learned from or was tested on UNIPEN's writers, as its licence asks. */
export function creditSection(meta: Meta, datasetId: string): string {
  if (!setsUsed(meta, datasetId).some((s) => PEN_SETS.has(s))) return '';
  return `## Credits

This model was trained or tested on real pen handwriting from UNIPEN (CC BY 4.0): ${UNIPEN_CREDIT}
`;
}

/**
 * "## Pairs no single glyph can separate": for a model that knows both the digit and the letter of a
 * pair (0/O, 1/I, 2/Z, 5/S, 8/B; letters case-merged), how often its test evaluation read one as the
 * other, from the evaluation's confusion matrix. Nothing for a model without both halves of any pair,
 * or without a stored evaluation.
 */
export function ambiguousPairsSection(meta: Meta): string {
  const e = meta.evaluation;
  if (!e || e.confusion.length === 0) return '';
  const labels = e.perClass.map((c) => c.label.toUpperCase());
  const rows: string[] = [];
  for (const [digit, letter] of AMBIGUOUS_PAIRS) {
    const d = labels.indexOf(digit);
    const l = labels.indexOf(letter);
    if (d < 0 || l < 0) continue;
    const support = (i: number) => (e.confusion[i] ?? []).reduce((a, b) => a + b, 0);
    const share = (from: number, to: number) => {
      const n = support(from);
      const k = e.confusion[from]?.[to] ?? 0;
      return n === 0 ? '–' : `${count(k)} of ${count(n)} (${pct(k / n)})`;
    };
    rows.push(`| ${digit} / ${letter} | ${share(d, l)} | ${share(l, d)} |`);
  }
  if (rows.length === 0) return '';
  return `## Pairs no single glyph can separate

A handwritten 0 and O, 1 and I, 2 and Z, 5 and S, 8 and B can be drawn the same way; alone, no model
can always tell them apart. On the test (${e.datasetId} ${e.split} split, ${count(e.count)} images), how often one
was read as the other:

| pair | digit read as the letter | letter read as the digit |
|---|---:|---:|
${rows.join('\n')}

When a line is read, its context decides these where it can: a line marked as a number reads digits
only, a word letters only; in a mixed code the neighbours lean each character towards their own kind.
`;
}
