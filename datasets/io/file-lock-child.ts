// Test child for file-lock.test.ts (run through tsx): adds 1 to a counter file `count` times, each
// read-modify-write under the lock (or not: `unlocked`), with a pause between read and write that
// invites a lost update. It starts when the parent says 'go', so both children run at once.

import { promises as fs } from 'node:fs';
import { withFileLock } from './file-lock';

const [counter, lock, count, locked] = process.argv.slice(2);
await new Promise<void>((resolve) => {
  process.once('message', () => resolve());
  process.send?.('ready');
});
for (let i = 0; i < Number(count); i++) {
  const bump = async () => {
    const value = Number(await fs.readFile(counter!, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 1));
    await fs.writeFile(counter!, String(value + 1));
  };
  await (locked === 'locked' ? withFileLock(lock!, bump) : bump());
}
process.disconnect?.();
