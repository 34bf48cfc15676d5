// `npm start`: open the built app in Electron. If the binary is missing, try its one-time
// download; where that cannot work (no internet), say so in one line and exit 1.

import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ELECTRON_MISSING_HINT, electronBinary, electronPackageDir } from './electron-binary';

function ensureBinary(): string | null {
  const found = electronBinary();
  if (found) return found;
  const install = spawnSync(process.execPath, [join(electronPackageDir(), 'install.js')], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  return install.status === 0 ? electronBinary() : null;
}

const binary = ensureBinary();
if (!binary) {
  console.error(ELECTRON_MISSING_HINT);
  process.exit(1);
}
const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
