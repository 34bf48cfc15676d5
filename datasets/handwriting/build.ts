// Build steps for `npm run datasets`: the bundled pen handwriting (unipen-dev.json.gz) rendered into
// three sets, pen-digits (10 classes), pen-letters (26, case-merged) and pen-characters (both, 36), each
// split by writer
// (writers.ts). Every glyph goes through normalizeStrokes, the path a live drawing takes. Within a
// split the samples are grouped by donor, in file order; the manifest records each donor's range, so a
// recipe can leave whole donors out for validation (donors.ts). Node only.

import { readFileSync } from 'node:fs';
import type { BuildContext, BuildStep } from '../build/step';
import { sha256, verifyDataset, writeDataset } from '../build/write-dataset';
import type { DonorRange } from './donors';
import { penSetOf } from './info';
import { replay } from './replay';
import { classOf, loadUnipen, type Task, UNIPEN_PATH, type UnipenSample } from './unipen';
import { splitOfDonor, TEST_DONORS, type WriterSplit } from './writers';

/** Bump when the rendering changes for the same file. */
export const PEN_SETS_VERSION = 1;

export interface PenSplit {
  pixels: Uint8Array;
  labels: Uint8Array;
  donors: DonorRange[];
}

/** One split of a task: the samples of that side's donors, grouped by donor (first-seen order). */
export function renderPenSplit(samples: readonly UnipenSample[], task: Task, split: WriterSplit): PenSplit {
  const byDonor = new Map<string, UnipenSample[]>();
  for (const s of samples) {
    if (classOf(s.label, task) < 0 || splitOfDonor(s.donor) !== split) continue;
    const list = byDonor.get(s.donor) ?? [];
    list.push(s);
    byDonor.set(s.donor, list);
  }
  const count = [...byDonor.values()].reduce((n, l) => n + l.length, 0);
  const pixels = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  const donors: DonorRange[] = [];
  let i = 0;
  for (const [donor, list] of byDonor) {
    donors.push({ donor, start: i, count: list.length });
    for (const s of list) {
      const image = replay(s.strokes, 'strokes');
      for (let p = 0; p < 784; p++) pixels[i * 784 + p] = Math.round(image[p]! * 255);
      labels[i++] = classOf(s.label, task);
    }
  }
  return { pixels, labels, donors };
}

function sourcesOf(file: string): { name: string; sha256: string }[] {
  const settings = JSON.stringify({ version: PEN_SETS_VERSION, testDonors: TEST_DONORS });
  return [
    { name: 'datasets/handwriting/unipen-dev.json.gz', sha256: sha256(readFileSync(file)) },
    { name: `renderer ${settings}`, sha256: sha256(new TextEncoder().encode(settings)) },
  ];
}

/** Builds `<dataDir>/<id>/` for one task from the UNIPEN samples. */
export async function buildPenSet(
  dataDir: string,
  task: Task,
  samples: readonly UnipenSample[],
  sources: { name: string; sha256: string }[],
): Promise<void> {
  const info = penSetOf(task);
  const train = renderPenSplit(samples, task, 'train');
  const test = renderPenSplit(samples, task, 'test');
  await writeDataset(dataDir, {
    id: info.id,
    classes: [...info.classes],
    splits: { train, test },
    sources,
    build: {
      renderer: 'replay(strokes) → normalizeStrokes (datasets/handwriting/build.ts)',
      version: PEN_SETS_VERSION,
      caseMerged: task !== 'digits',
      testDonors: TEST_DONORS,
      donors: { train: train.donors, test: test.donors },
    },
  });
}

function penStep(task: Task): BuildStep {
  const info = penSetOf(task);
  return {
    id: info.id,
    title: info.title,
    async run(ctx: BuildContext) {
      const sources = sourcesOf(UNIPEN_PATH);
      if (!ctx.force) {
        const v = await verifyDataset(ctx.dataDir, info.id, sources);
        if (v.ok) return 'up to date';
        ctx.log(`${info.id}: building (${v.reason})`);
      }
      const samples = loadUnipen(UNIPEN_PATH);
      if (samples === null) throw new Error(`${info.id}: ${UNIPEN_PATH} is missing`);
      await buildPenSet(ctx.dataDir, task, samples, sources);
      const v = await verifyDataset(ctx.dataDir, info.id, sources);
      if (!v.ok) throw new Error(`${info.id}: the files just written do not verify: ${v.reason}`);
      return 'built';
    },
  };
}

export const penDigitsStep = penStep('digits');
export const penLettersStep = penStep('letters');
export const penCharactersStep = penStep('characters');
