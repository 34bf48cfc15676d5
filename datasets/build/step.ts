// One step of `npm run datasets`: builds one dataset into the data folder, or says it is up to date.

export interface BuildContext {
  /** Where built datasets go: `<dataDir>/<id>/`. */
  dataDir: string;
  /** Rebuild even when the outputs exist and verify. */
  force: boolean;
  log: (line: string) => void;
}

export interface BuildStep {
  id: string;
  title: string;
  run(ctx: BuildContext): Promise<'built' | 'up to date'>;
}
