// Test child (run through tsx) that works on the stores the way the app or the CLI does, for the tests
// that need a second process or a process to kill. It says 'ready' and starts on 'go':
//   rename-loop <root> <id> <a> <b>          rename class a ↔ b until killed
//   add-samples <root> <id> <prefix> <count>  save `count` samples, each under a new label prefix<i>
//   add-classes <root> <id> <prefix> <count>  add `count` empty classes prefix<i>
//   activate-models <userDir> - <prefix> <count>  save `count` models, for datasets prefix<i>, and
//                                                 make each the active one of its dataset
//   save-loop <userDir> <id>                 save samples into set <id> (old and new labels) and
//                                             models (real engine files), until killed

import path from 'node:path';
import { modelChecks } from '../model-codec';
import { barImage, tinyModelFiles } from '../test-helpers';
import { CustomDatasets } from './custom-datasets';
import { ModelStore } from './model-store';
import { SampleStore } from './sample-store';

const [mode, root, id, ...rest] = process.argv.slice(2) as [string, string, string, ...string[]];
const datasets = new CustomDatasets(root);
const samples = new SampleStore(datasets);

await new Promise<void>((resolve) => {
  process.once('message', () => resolve());
  process.send?.('ready');
});

if (mode === 'rename-loop') {
  const [a, b] = rest as [string, string];
  for (;;) {
    const labels = (await datasets.read(id)).classes.map((c) => c.label);
    const [from, to] = labels.includes(a) ? [a, b] : [b, a];
    await datasets.renameClass(id, from, to);
  }
} else if (mode === 'add-samples') {
  const [prefix, count] = rest as [string, string];
  for (let i = 0; i < Number(count); i++)
    await samples.add({ datasetId: id, label: `${prefix}${i}`, image: barImage(4 + (i % 20)), strokes: [] });
  process.disconnect?.();
} else if (mode === 'add-classes') {
  const [prefix, count] = rest as [string, string];
  for (let i = 0; i < Number(count); i++) await datasets.addClass(id, `${prefix}${i}`);
  process.disconnect?.();
} else if (mode === 'activate-models') {
  const [prefix, count] = rest as [string, string];
  // Any pair is a model here: the store's bookkeeping is under test, not the engine's check.
  const anyPair = () => ({ parameters: 0 });
  const models = new ModelStore(root, path.join(root, 'none'), { inspect: anyPair, validate: anyPair });
  for (let i = 0; i < Number(count); i++) {
    const meta = { architecture: 'mlp', classes: [], metrics: {}, task: 'custom' as const };
    const saved = await models.save(
      { json: {}, weights: new Uint8Array(0) },
      { ...meta, name: `${prefix}${i}`, datasetId: `${prefix}${i}`, createdAt: new Date().toISOString() },
    );
    await models.activate(saved.id);
  }
  process.disconnect?.();
} else if (mode === 'save-loop') {
  const userDir = root;
  const sets = new CustomDatasets(path.join(userDir, 'datasets'));
  const store = new SampleStore(sets);
  const models = new ModelStore(userDir, path.join(userDir, 'none'), modelChecks);
  for (let i = 0; ; i++) {
    const label = i % 3 === 0 ? `new${process.pid}-${i}` : 'keep';
    await store.add({
      datasetId: id,
      label,
      image: barImage(4 + (i % 20)),
      strokes: [
        [
          [i, 1],
          [i, 9],
        ],
      ],
    });
    if (i % 4 === 0) {
      const meta = { architecture: 'mlp', classes: ['a', 'b'], metrics: {}, task: 'custom' as const };
      await models.save(tinyModelFiles(i), {
        ...meta,
        name: `saved ${i}`,
        datasetId: id,
        createdAt: new Date().toISOString(),
      });
    }
  }
} else {
  throw new Error(`store-child: unknown mode ${mode}`);
}
