// `glyph-lab read <images or folders>`: each image is a line of handwriting (a number, a code, a
// word); it is cut into characters and read (app/cli/line-image.ts). Without --json one line per
// image, the file and the text, tab-separated; with --json one JSON line per image with each
// character's confidence, its three most probable readings and its box in pixels. A model that knows
// digits and letters (the Characters model) reads with the built-in Digits and Letters models inside
// each character's kind where they exist (app/model/line-reading.ts withSpecialists).

import { isLineKind, type LineKind } from '../../../datasets/lines/context';
import { parsePattern } from '../../../datasets/lines/pattern';
import type { LineReading } from '../../../datasets/lines/read-line';
import type { Core } from '../../core/core';
import { createPredictor } from '../../model/engine-model';
import {
  LINE_MODEL_TASKS,
  type LineModel,
  type LineModelTask,
  withSpecialists,
} from '../../model/line-reading';
import { messageOf } from '../../shared/errors';
import type { ModelPayload } from '../../shared/types';
import { type GlobalOptions, resolveModel, withCore } from '../context';
import { imageFilesOf } from '../image-files';
import { readLineFile } from '../line-image';
import type { Values } from '../main';
import { printJson } from '../output';
import { UsageError } from '../usage';

const USAGE_LINE =
  'usage: glyph-lab read <image files or folders...> [--kind number|letters|mixed] [--model <model>] [--pattern AA00AAA]';

/** The built-in model of a task, or null when there is none. */
async function builtinModel(core: Core, task: LineModelTask): Promise<ModelPayload | null> {
  const builtins = (await core.handlers['models:list'](undefined)).filter((m) => m.builtin);
  const found = builtins.find((m) => m.task === task);
  return found ? core.handlers['models:get']({ id: found.id }) : null;
}

/** The built-in model for a kind of line (LINE_MODEL_TASKS: the first task that has one). */
async function defaultModel(core: Core, kind: LineKind): Promise<ModelPayload> {
  for (const task of LINE_MODEL_TASKS[kind]) {
    const found = await builtinModel(core, task);
    if (found) return found;
  }
  throw new Error(`no built-in ${LINE_MODEL_TASKS[kind].join(' or ')} model for ${kind} lines: pass --model`);
}

const lineModelOf = (payload: ModelPayload): LineModel => ({
  classes: payload.summary.classes,
  predict: createPredictor(payload),
});

/** The model, with the built-in Digits and Letters models inside the kind when it knows both kinds. */
async function readingModel(core: Core, payload: ModelPayload): Promise<LineModel> {
  const model = lineModelOf(payload);
  const knows = (test: RegExp) => model.classes.some((c) => test.test(c));
  if (!knows(/^[0-9]$/) || !knows(/^[A-Za-z]$/)) return model;
  const [digits, letters] = await Promise.all([builtinModel(core, 'digits'), builtinModel(core, 'letters')]);
  return withSpecialists(model, {
    digits: digits && lineModelOf(digits),
    letters: letters && lineModelOf(letters),
  });
}

/** The JSON line of one image: boxes are pixel edges (columns x0 … x1 − 1, rows y0 … y1 − 1). */
function readingJson(file: string, r: LineReading) {
  return {
    file,
    text: r.text,
    characters: r.characters.map((c) => ({
      text: c.text,
      confidence: c.confidence,
      alternatives: c.alternatives.map((a) => ({ text: a.text, confidence: a.probability })),
      box: c.box,
    })),
  };
}

export async function runRead(global: GlobalOptions, values: Values, rest: string[]): Promise<number> {
  if (rest.length === 0) throw new UsageError(USAGE_LINE);
  const kind = values.kind ?? 'mixed';
  if (!isLineKind(kind))
    throw new UsageError(`--kind: ${JSON.stringify(kind)} is not number, letters or mixed`);
  const pattern = values.pattern;
  if (pattern !== undefined) {
    if (kind !== 'mixed') throw new UsageError('--pattern: only for --kind mixed');
    try {
      parsePattern(pattern);
    } catch (error) {
      throw new UsageError(`--${messageOf(error)}`);
    }
  }
  return withCore(global, async (core) => {
    const files = await imageFilesOf(rest);
    if (files.length === 0) throw new Error('no image files found');
    const payload = values.model ? await resolveModel(core, values.model) : await defaultModel(core, kind);
    const model = await readingModel(core, payload);
    let failed = 0;
    for (const file of files) {
      let reading: LineReading;
      try {
        reading = await readLineFile(file, model, { kind, pattern });
      } catch (error) {
        failed++;
        if (global.json) printJson({ file, error: messageOf(error) });
        else process.stderr.write(`${file}: ${messageOf(error)}\n`);
        continue;
      }
      if (global.json) printJson(readingJson(file, reading));
      else process.stdout.write(`${file}\t${reading.text}\n`);
    }
    return failed > 0 ? 1 : 0;
  });
}
