// `npm run bench`: every benchmark whose figures docs/benchmarks.md shows — engine speed against
// PyTorch and TensorFlow.js, kernel accuracy, MNIST accuracy of the presets, the trainer process,
// the built-in models on the real handwriting of writers they never saw, reading whole lines of
// numbers, codes and words, and fine-tuning the digits model on new symbols. Each script refreshes
// its own sections of the page (bench/report.ts).
// Arguments are passed through to the first and the third (e.g. --samples 6000 for a quick speed
// run, --only mlp); --no-docs is passed to all of them and leaves the page alone.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { NO_DOCS_FLAG } from './report';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const args = process.argv.slice(2);
const noDocs = args.includes(NO_DOCS_FLAG) ? [NO_DOCS_FLAG] : [];

// The others run with their own defaults: the arguments above mean other things to them.
const runs: [string, string[]][] = [
  ['engine-bench.ts', args],
  ['kernel-accuracy.ts', ['--preset', 'mlp', '--epochs', '2', ...noDocs]],
  ['kernel-accuracy.ts', ['--preset', 'lenet', '--epochs', '1', ...noDocs]],
  ['accuracy.ts', args],
  ['trainer-bench.ts', noDocs],
  ['handwriting.ts', noDocs],
  ['lines.ts', noDocs],
  ['finetune.ts', ['--runs', '5', ...noDocs]],
  ['finetune.ts', ['--runs', '5', '--symbols', 'digit-like', ...noDocs]],
];
for (const [script, scriptArgs] of runs) {
  console.log(`\n=== bench/${script} ${scriptArgs.join(' ')}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', here(script), ...scriptArgs], {
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    console.error(`bench/${script} failed (exit ${run.status})`);
    process.exitCode = 1;
  }
}
