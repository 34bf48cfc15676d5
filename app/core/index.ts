// app/core: the Electron-free services behind the API contract.

export { CoreError } from '../shared/errors';
export { type Core, type CoreHandlers, type CoreListener, type CoreOptions, createCore } from './core';
export { spawnNodeTrainer } from './spawn-node';
export { type SpawnWorker, spawnThreadWorker } from './work-thread';
