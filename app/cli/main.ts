// The `glyph-lab` command: headless datasets / models / train / evaluate / predict / read / export / import,
// on the same core services as the app (no Electron). Exit codes: 0 ok, 1 failure, 2 usage.

import { parseArgs } from 'node:util';
import { CoreError, messageOf } from '../shared/errors';
import { runDatasetsList, runExport, runImport, runModelsList } from './commands/catalog';
import { runEvaluate } from './commands/evaluate';
import { runInspect } from './commands/inspect';
import { runPredict } from './commands/predict';
import { runRead } from './commands/read';
import { runDatasetsCreate, runDatasetsExport, runDatasetsImport, runSamplesImport } from './commands/sets';
import { runTrain } from './commands/train';
import { defaultDataDir, type GlobalOptions, PACKAGE_ROOT } from './context';
import { USAGE, UsageError } from './usage';

const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'data-dir': { type: 'string' },
  resources: { type: 'string' },
  dataset: { type: 'string' },
  preset: { type: 'string' },
  layers: { type: 'string' },
  epochs: { type: 'string' },
  optimizer: { type: 'string' },
  lr: { type: 'string' },
  batch: { type: 'string' },
  seed: { type: 'string' },
  limit: { type: 'string' },
  validation: { type: 'string' },
  'label-smoothing': { type: 'string' },
  loss: { type: 'string' },
  threads: { type: 'string' },
  target: { type: 'string' },
  augment: { type: 'boolean' },
  base: { type: 'string' },
  name: { type: 'string' },
  out: { type: 'string' },
  model: { type: 'string' },
  top: { type: 'string' },
  format: { type: 'string' },
  label: { type: 'string' },
  into: { type: 'string' },
  recipe: { type: 'string' },
  builtin: { type: 'boolean' },
  kind: { type: 'string' },
  pattern: { type: 'string' },
} as const;

export type Values = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
}

export async function run(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    process.stderr.write(`glyph-lab: ${messageOf(error)}\n(see glyph-lab --help)\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    (values.help ? process.stdout : process.stderr).write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const global: GlobalOptions = {
    json: values.json === true,
    dataDir: values['data-dir'] ?? defaultDataDir(),
    resources: values.resources ?? PACKAGE_ROOT,
  };
  const [command, ...rest] = positionals;
  try {
    switch (command) {
      case 'datasets':
        if (rest[0] === 'list') return await runDatasetsList(global);
        if (rest[0] === 'create') return await runDatasetsCreate(global, rest.slice(1));
        if (rest[0] === 'import') return await runDatasetsImport(global, values, rest.slice(1));
        if (rest[0] === 'export') return await runDatasetsExport(global, values, rest.slice(1));
        throw new UsageError(
          'usage: glyph-lab datasets list | create <title> | import <paths...> --format <f> | export <set id> --out <folder>',
        );
      case 'samples':
        if (rest[0] !== 'import') throw new UsageError('usage: glyph-lab samples import <set id> <paths...>');
        return await runSamplesImport(global, values, rest.slice(1));
      case 'models':
        if (rest[0] !== 'list') throw new UsageError('usage: glyph-lab models list');
        return await runModelsList(global);
      case 'train':
        return await runTrain(global, values);
      case 'evaluate':
        return await runEvaluate(global, values, rest);
      case 'predict':
        return await runPredict(global, values, rest);
      case 'read':
        return await runRead(global, values, rest);
      case 'export':
        return await runExport(global, values, rest);
      case 'import':
        return await runImport(global, rest);
      case 'inspect':
        return await runInspect(global, values, rest);
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`glyph-lab: ${error.message}\n(see glyph-lab --help)\n`);
      return 2;
    }
    const prefix = error instanceof CoreError ? '' : 'error: ';
    process.stderr.write(`glyph-lab: ${prefix}${messageOf(error).split('\n')[0]}\n`);
    if (process.env.GLYPH_LAB_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`glyph-lab: ${messageOf(error)}\n`);
    process.exitCode = 1;
  },
);
