// The trainer under Electron: an Electron utility process running dist/trainer/trainer.js.
// (Under plain Node — tests, CLI, e2e host — app/core/spawn-node.ts forks a child instead.)

import { utilityProcess } from 'electron';
import type { SpawnTrainer, TrainerIn, TrainerOut } from '../shared/trainer-protocol';

export function spawnUtilityTrainer(entry: string): SpawnTrainer {
  return () => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'Glyph Lab trainer', stdio: 'inherit' });
    return {
      postMessage: (message: TrainerIn) => child.postMessage(message),
      onMessage: (callback: (message: TrainerOut) => void) => {
        child.on('message', callback);
      },
      onExit: (callback: (code: number | null) => void) => {
        child.on('exit', callback);
      },
      kill: () => {
        child.kill();
      },
    };
  };
}
