// The one place the trainer knows how it was started: as an Electron utility process
// (`process.parentPort`) or as a Node child (`process.send` / `process.on('message')`).

import type { TrainerIn, TrainerOut } from '../shared/trainer-protocol';

export interface Transport {
  send(message: TrainerOut): void;
  onMessage(callback: (message: TrainerIn) => void): void;
}

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

export function connect(): Transport {
  const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
  if (parentPort) {
    return {
      send: (message) => parentPort.postMessage(message),
      onMessage: (callback) => parentPort.on('message', (event) => callback(event.data as TrainerIn)),
    };
  }
  if (process.send) {
    return {
      send: (message) => {
        process.send?.(message);
      },
      onMessage: (callback) => process.on('message', (message) => callback(message as TrainerIn)),
    };
  }
  throw new Error('the trainer must run as an Electron utility process or a Node child process with IPC');
}
