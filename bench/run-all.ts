// `npm run bench`: the engine speed benchmark against TensorFlow.js, MNIST accuracy of the presets,
// then fine-tuning the digits model on three new symbols. Arguments are passed through to the first
// two (e.g. --samples 6000 for a quick speed run, --only mlp).

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const args = process.argv.slice(2);

// Fine-tuning (≈ 20 s) runs with its own defaults: the arguments above mean other things to it.
const runs: [string, string[]][] = [
  ['engine-bench.ts', args],
  ['accuracy.ts', args],
  ['finetune.ts', []],
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
