// The CLI's help text and its usage error (exit code 2).

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `glyph-lab — train, evaluate and use handwriting models from the command line

Usage:
  glyph-lab datasets list
  glyph-lab datasets create <title>
  glyph-lab samples import <set id> <image files or <label>/<image> folders...> [--label <label>]
  glyph-lab datasets import <folder | file.csv | images.idx labels.idx> [--format folder|idx|csv]
                  (--into <set id> | --name <new set title>)
  glyph-lab datasets export <set id> --out <folder> [--format folder|idx|csv]
                  (folder: <label>/<n>.png; idx: images.idx.gz, labels.idx.gz, classes.json;
                   csv: samples.csv, label + 784 pixels 0-255 per line)
  glyph-lab models list
  glyph-lab train --dataset <id> [--preset mlp|lenet|cnn|recurrent|classic | --layers <json>]
                  [--epochs 1] [--optimizer adam] [--lr 0.001] [--batch 64] [--seed 1]
                  [--limit N] [--validation 0.1] [--augment] [--label-smoothing 0]
                  [--loss cross-entropy|mse] [--threads auto|<n>]
                  [--base <model>] [--name <name>] [--out <folder>]
  glyph-lab train --recipe <digits|letters> [--threads auto|<n>] [--builtin] [--out <folder>]
  glyph-lab evaluate <model> [--dataset <id>]
  glyph-lab predict <image files or folders...> [--model <model>] [--dataset mnist] [--top 3]
  glyph-lab read <image files or folders...> [--kind number|letters|mixed] [--model <model>]
      [--pattern AA00AAA]
  glyph-lab export <model> --out <path> [--format native|onnx]
  glyph-lab import <model folder or model.json>
  glyph-lab inspect <model> <image> [--target <class>]

  <model> is a model id (see \`models list\`) or a folder holding model.json + weights.bin.
  inspect prints each layer's activation statistics for the image; with --target, the backward pass
  for that class: the output error (actual − desired) and each layer's error-signal and gradient norms.
  read takes pictures of a line of handwriting (a number, a code, a word): the ink is cut into
  characters (connected components, broken glyphs merged, touching ones split), each candidate is
  normalized and classified, and the best segmentation under the model wins. It prints the file and
  the text, tab-separated; --json: {file, text, characters: [{text, confidence, alternatives, box}]}
  per line. --kind number reads digits only, letters letters only, mixed (default) both, the
  neighbours deciding 0/O, 1/I, 2/Z, 5/S, 8/B. Without --model: the built-in Digits model for
  numbers, Letters for words, Characters for mixed lines (Characters where the other is missing).
  --pattern (mixed lines): A a letter, 0 a digit, ? either; exactly that many characters are read.
  The classic preset (sigmoid units, squared error, plain SGD) trains until the validation error stops
  improving; --epochs is then an upper bound.
  train --recipe <id> runs a built-in recipe (models/<id>/recipe.json: data mix, network, training,
  seed, calibration): the model is saved like any other; --builtin replaces the shipped model
  models/<id>/ with it (model.json, weights.bin, README.md), which is how the shipped models are made.
  train --threads: how many cores train (data-parallel). auto (the default) is every core for a
  network with convolutions and one thread for the rest (faster there). A seed gives the same weights
  bit for bit for one thread count; another count gives other, equally good weights.
  train --base <model> on one of your sets fine-tunes it: the set's classes are added, the dense head
  trains on your samples and augmented copies of them with base data replayed (recipe settings for
  the flags left out); it prints accuracy before/after and the samples that look mislabelled.

Options for every command:
  --json             machine-readable output on stdout (one JSON value; predict, read: one line per image)
  --data-dir <dir>   where models and your datasets live (default: the app's user-data folder,
                     or $GLYPH_LAB_HOME)
  --resources <dir>  bundled datasets and default models (default: this checkout)
  -h, --help         this text

Exit codes: 0 success, 1 failure, 2 usage error.`;
