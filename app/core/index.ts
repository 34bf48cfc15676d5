// app/core: the Electron-free services behind the API contract.

export { type Core, type CoreHandlers, type CoreListener, type CoreOptions, createCore } from './core';
export { CoreError } from './errors';
export { spawnNodeTrainer } from './spawn-node';
export { type SpawnWorker, spawnThreadWorker } from './work-thread';
