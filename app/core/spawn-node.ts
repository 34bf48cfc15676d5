// SpawnTrainer for plain Node (tests, the CLI, the e2e host): `child_process.fork` of the trainer
// entry run through tsx, with structured-clone messages so typed arrays cross as typed arrays.
// Electron's main implements the same SpawnTrainer with `utilityProcess.fork`.

import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SpawnTrainer, TrainerIn, TrainerOut } from '../shared/trainer-protocol';

// NOTE: resolved when a trainer is spawned, not at import: main's bundle imports this module too
// (through app/core/index.ts) and has neither tsx nor a meaningful import.meta.url.

/** app/trainer/main.ts beside this checkout's app/core. */
export function trainerEntry(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../trainer/main.ts');
}

/** tsx's loader by absolute URL, so the child finds it whatever the working folder. */
function tsxLoader(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

export interface NodeTrainerOptions {
  /** Trainer entry file (default: app/trainer/main.ts). */
  entry?: string;
  /** Where the trainer's stderr goes (default: inherited). */
  stderr?: 'inherit' | 'ignore';
}

export function spawnNodeTrainer(options: NodeTrainerOptions = {}): SpawnTrainer {
  return () => {
    const child = fork(options.entry ?? trainerEntry(), [], {
      execArgv: ['--import', tsxLoader()],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', options.stderr ?? 'inherit', 'ipc'],
    });
    const exitListeners: ((code: number | null) => void)[] = [];
    let exited = false;
    const exit = (code: number | null) => {
      if (exited) return;
      exited = true;
      for (const listener of exitListeners) listener(code);
    };
    child.on('exit', (code) => exit(code));
    child.on('error', () => exit(null));
    return {
      postMessage(message: TrainerIn) {
        if (child.connected) child.send(message);
      },
      onMessage(callback) {
        child.on('message', (message) => callback(message as TrainerOut));
      },
      onExit(callback) {
        exitListeners.push(callback);
      },
      kill() {
        if (!exited) child.kill('SIGKILL');
      },
    };
  };
}
