// Live reading: the Draw screen re-reads the line after every stroke, and the model is the cost
// (one forward pass per candidate, K per atom). A stroke changes only the atoms it touches, so the
// classifier's answer is kept per candidate, keyed by its atoms' keys (stroke ids + content hash),
// and only candidates holding a new or changed atom are classified again.

import {
  type Candidate,
  type Classify,
  type LineAtom,
  type LineReading,
  type ReadLineOptions,
  readLine,
} from './read-line';

export class LineReader<A extends LineAtom> {
  /** Probabilities per candidate key; after each read, only the candidates of that line are kept. */
  private cache = new Map<string, Float32Array>();
  /** Classifier calls so far (tests and the latency bench count them). */
  classified = 0;

  constructor(private readonly classify: Classify<A>) {}

  read(atoms: readonly A[], options: ReadLineOptions): LineReading {
    const used = new Map<string, Float32Array>();
    const reading = readLine(
      atoms,
      (candidate: Candidate<A>) => {
        let probs = this.cache.get(candidate.key) ?? used.get(candidate.key);
        if (!probs) {
          // A copy: the classifier may hand back a buffer it reuses (engine/predict.ts Recognizer).
          probs = Float32Array.from(this.classify(candidate));
          this.classified++;
        }
        used.set(candidate.key, probs);
        return probs;
      },
      options,
    );
    // Bounded memory: what the line no longer holds (undone strokes) is dropped.
    this.cache = used;
    return reading;
  }
}
