// `npm run datasets`: build every bundled dataset into datasets/data/ (gitignored). Idempotent: a step
// whose outputs exist and verify is skipped. Flags: --force (rebuild), --only <id>, --data-dir <dir>.
// To add a dataset, write its step in its own file and add one line to STEPS.

import { penCharactersStep, penDigitsStep, penLettersStep } from '../handwriting/build';
import { lettersStep } from '../letters/build';
import { defaultDataDir } from '../load';
import { mnistStep } from './mnist';
import type { BuildStep } from './step';

// letters reads the built pen-letters set: it comes after it
const STEPS: BuildStep[] = [mnistStep, penDigitsStep, penLettersStep, penCharactersStep, lettersStep];

function argValue(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function buildAll(args: string[] = process.argv.slice(2)): Promise<void> {
  const force = args.includes('--force');
  const only = argValue(args, '--only');
  const dataDir = argValue(args, '--data-dir') ?? defaultDataDir();
  const steps = only ? STEPS.filter((s) => s.id === only) : STEPS;
  if (only && steps.length === 0)
    throw new Error(`no build step "${only}" (steps: ${STEPS.map((s) => s.id).join(', ')})`);
  const started = performance.now();
  for (const step of steps) {
    const t0 = performance.now();
    const result = await step.run({ dataDir, force, log: (line) => console.log(`  ${line}`) });
    console.log(
      `datasets: ${step.id}: ${result} (${((performance.now() - t0) / 1000).toFixed(2)} s) — ${step.title}`,
    );
  }
  console.log(`datasets: done in ${((performance.now() - started) / 1000).toFixed(2)} s → ${dataDir}`);
}

buildAll().catch((err: unknown) => {
  console.error(`datasets: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
