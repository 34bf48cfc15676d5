// `glyph-lab predict <images or folders>`: each image is read and normalized like a drawing
// (datasets import code), run through the model, and printed with its top-k classes; with --json,
// one JSON line per image with the file, the predicted label and every class's confidence.

import { readGlyphImage } from '../../core/stores/image-io';
import { createPredictor } from '../../model/engine-model';
import { calibrationOf } from '../../shared/calibration';
import { type GlobalOptions, resolveModel, withCore } from '../context';
import { imageFilesOf } from '../image-files';
import type { Values } from '../main';
import { isPositiveInt, numberFlag, percent, printJson } from '../output';
import { UsageError } from '../usage';

export async function runPredict(global: GlobalOptions, values: Values, rest: string[]): Promise<number> {
  if (rest.length === 0)
    throw new UsageError('usage: glyph-lab predict <image files or folders> [--model <model>]');
  const top = numberFlag(values.top, 'top', 3, isPositiveInt);
  return withCore(global, async (core) => {
    const model = values.model
      ? await resolveModel(core, values.model)
      : await core.handlers['models:active']({ datasetId: values.dataset ?? 'mnist' });
    if (!model) throw new Error(`no model for ${values.dataset ?? 'mnist'}: train one or pass --model`);
    const predict = createPredictor(model);
    const calibration = calibrationOf(model.json);
    const files = await imageFilesOf(rest);
    if (files.length === 0) throw new Error('no image files found');
    let failed = 0;
    for (const file of files) {
      let image: Float32Array;
      try {
        image = await readGlyphImage(file);
      } catch (error) {
        failed++;
        const reason = error instanceof Error ? error.message : String(error);
        if (global.json) printJson({ file, error: reason });
        else process.stderr.write(`${file}: ${reason}\n`);
        continue;
      }
      const p = predict(image);
      const classes = model.summary.classes;
      const ranked = [...p!.keys()].sort((a, b) => p![b]! - p![a]!);
      const best = p![ranked[0]!]!;
      // a calibrated model says when it is unsure, and when a mark is no character at all
      const state = !calibration
        ? undefined
        : best < calibration.notACharacterBelow
          ? 'not a character'
          : best < calibration.sureAbove
            ? 'not sure'
            : 'sure';
      if (global.json) {
        printJson({
          file,
          label: classes[ranked[0]!],
          confidence: best,
          ...(state ? { state } : {}),
          confidences: Object.fromEntries(classes.map((c, i) => [c, p![i]])),
        });
      } else {
        const shown = ranked.slice(0, top).map((i) => `${classes[i]} ${percent(p![i]!)}`);
        const note = state && state !== 'sure' ? ` (${state})` : '';
        process.stdout.write(`${file}: ${shown.join(', ')}${note}\n`);
      }
    }
    return failed > 0 ? 1 : 0;
  });
}
