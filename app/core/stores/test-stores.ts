// Test support (vitest): a fresh temp folder per test with the custom sets and the sample store over
// it, removed after the test.

import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { tempDir } from '../test-helpers';
import { CustomDatasets } from './custom-datasets';
import { SampleStore } from './sample-store';

export interface TestStores {
  tmp: ReturnType<typeof tempDir>;
  datasets: CustomDatasets;
  samples: SampleStore;
}

/** Registers the hooks; `set` receives each test's stores. */
export function freshStores(set: (stores: TestStores) => void): void {
  let tmp: ReturnType<typeof tempDir> | undefined;
  beforeEach(() => {
    tmp = tempDir();
    const datasets = new CustomDatasets(path.join(tmp.dir, 'datasets'));
    set({ tmp, datasets, samples: new SampleStore(datasets) });
  });
  afterEach(() => tmp?.remove());
}
