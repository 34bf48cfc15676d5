// `npm run bench`: the engine speed benchmark against TensorFlow.js, then MNIST accuracy of the presets.
// Arguments are passed through to both (e.g. --samples 6000 for a quick speed run, --only mlp).

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const args = process.argv.slice(2);

for (const script of ['engine-bench.ts', 'accuracy.ts']) {
  console.log(`\n=== bench/${script} ${args.join(' ')}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', here(script), ...args], { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`bench/${script} failed (exit ${run.status})`);
    process.exitCode = 1;
  }
}
