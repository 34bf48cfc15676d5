// The built-in models as line readers for bench/lines.ts and bench/line-tuning.ts: model.json +
// weights.bin through createPredictor (the calibrated softmax `glyph-lab read` uses), or null when
// the folder holds no model yet (the Characters model before its recipe has run).

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPredictor } from '../app/model/engine-model';
import type { LineModel, LineModelTask } from '../app/model/line-reading';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BenchLineModel extends LineModel {
  readonly dir: string;
}

export function builtInDir(task: LineModelTask): string {
  return resolve(ROOT, 'models', task);
}

export function loadLineModel(dir: string): BenchLineModel | null {
  const file = join(dir, 'model.json');
  if (!existsSync(file)) return null;
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const weights = new Uint8Array(readFileSync(join(dir, 'weights.bin')));
  return { dir, classes: json.classes as string[], predict: createPredictor({ json, weights }) };
}
