// The writer that export-kill.test.ts kills: replaces one native export of the built-in digits model
// over and over (generation n stamped into the card as "Exported: gen-n"), telling its parent which
// generation it starts and how long each took, until it is killed.
// Run: node --import tsx app/core/stores/export-kill-writer.ts <target> <journal> <first generation>

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportModelFiles, validateModel } from '../model-codec';
import { readAppMeta, summaryOf } from '../model-meta';
import { readModelDir } from './model-store';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const [target, journal, first] = process.argv.slice(2);
const send = (message: object) => process.send?.(message);

const files = await readModelDir(path.join(ROOT, 'models', 'digits'), validateModel);
const created = readAppMeta(files.json).createdAt ?? '2026-01-01T00:00:00.000Z';
const payload = {
  summary: summaryOf('m-kill', files.json, files.parameters, false, created),
  json: files.json,
  weights: files.weights,
};
for (let gen = Number(first); ; gen++) {
  send({ start: gen });
  const started = performance.now();
  await exportModelFiles(payload, 'native', target, { at: `gen-${gen}` }, { journal });
  send({ done: gen, ms: performance.now() - started });
}
