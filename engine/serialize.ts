// The native model format, version 1: a JSON document (architecture, classes, metadata, and the table
// of tensors) plus ONE binary blob of little-endian float32 weights: all parameters in layer order, then
// all state (batch-norm running statistics) in layer order, each at its byte offset. No Node API: the
// caller reads and writes the files (model.json + weights.bin).

import type { LayerSpec } from './layer';
// Loading must know every layer type the engine can write, whoever imports only this file (the
// renderer does): the built-in layers come with ./model, the fixed-point recurrent layer from here.
import './recurrent';
import { type ModelSpec, Sequential } from './model';
import { MODEL_LIMITS, type ModelLimits, type ModelShapes, modelShapes } from './model-shapes';
import { hasLayer, layerTypes } from './registry';
import { Rng } from './rng';
import { sameShape, sizeOf } from './tensor';

export const MODEL_FORMAT = 'glyph-lab-model';
export const MODEL_VERSION = 1;
export const SUPPORTED_MODEL_VERSIONS: readonly number[] = [1];

export interface TensorEntry {
  /** `<layer index>.<layer type>.<param name | stateN>`, e.g. `0.dense.kernel`. */
  readonly name: string;
  readonly shape: readonly number[];
  /** Byte offset in the weights blob. */
  readonly offset: number;
}

/** model.json. */
export interface ModelFile {
  readonly format: typeof MODEL_FORMAT;
  readonly version: number;
  readonly inputShape: readonly number[];
  readonly classes: readonly string[];
  readonly layers: readonly LayerSpec[];
  readonly normalization?: unknown;
  readonly training?: unknown;
  readonly metrics?: unknown;
  /** Free-form data of the application (kept as is). */
  readonly metadata?: unknown;
  readonly weights: { readonly byteLength: number; readonly tensors: readonly TensorEntry[] };
}

/** What a model file carries besides the architecture and the weights. */
export interface ModelMeta {
  /** One label per output, in output order. */
  readonly classes: readonly string[];
  readonly normalization?: unknown;
  readonly training?: unknown;
  readonly metrics?: unknown;
  /** Free-form data of the application (kept as is). */
  readonly metadata?: unknown;
}

export function serializeModel(model: Sequential, meta: ModelMeta): { json: ModelFile; weights: Uint8Array } {
  const outputs = model.outputShape.length === 1 ? model.outputShape[0] : sizeOf(model.outputShape);
  if (meta.classes.length !== outputs) {
    throw new Error(
      `serializeModel: the model has ${outputs} outputs but ${meta.classes.length} classes were given`,
    );
  }
  const named = model.namedTensors();
  const tensors: TensorEntry[] = [];
  let offset = 0;
  for (const t of named) {
    tensors.push({ name: t.name, shape: [...t.tensor.shape], offset });
    offset += t.tensor.data.length * 4;
  }
  const weights = new Uint8Array(offset);
  const view = new DataView(weights.buffer);
  named.forEach((t, k) => {
    const data = t.tensor.data;
    let at = tensors[k].offset;
    for (let i = 0; i < data.length; i++, at += 4) view.setFloat32(at, data[i], true);
  });
  const spec = model.toJSON();
  const json: ModelFile = {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    inputShape: spec.inputShape,
    classes: [...meta.classes],
    layers: spec.layers,
    ...(meta.normalization !== undefined && { normalization: meta.normalization }),
    ...(meta.training !== undefined && { training: meta.training }),
    ...(meta.metrics !== undefined && { metrics: meta.metrics }),
    ...(meta.metadata !== undefined && { metadata: meta.metadata }),
    weights: { byteLength: offset, tensors },
  };
  return { json, weights };
}

function fail(message: string): never {
  throw new Error(`model file: ${message}`);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isShape(x: unknown): x is number[] {
  return Array.isArray(x) && x.every((d) => Number.isInteger(d) && d >= 1);
}

/** Checks the JSON document's header and structure; returns it typed. */
export function parseModelFile(json: unknown): ModelFile {
  if (!isRecord(json)) fail('not a JSON object');
  if (json.format !== MODEL_FORMAT) {
    fail(`not a Glyph Lab model (format ${JSON.stringify(json.format)}, expected '${MODEL_FORMAT}')`);
  }
  if (typeof json.version !== 'number' || !SUPPORTED_MODEL_VERSIONS.includes(json.version)) {
    fail(
      `version ${JSON.stringify(json.version)} is not supported (supported: ${SUPPORTED_MODEL_VERSIONS.join(', ')})`,
    );
  }
  if (!isShape(json.inputShape)) fail('inputShape must be a list of positive integers');
  if (!Array.isArray(json.classes) || !json.classes.every((c) => typeof c === 'string')) {
    fail('classes must be a list of strings');
  }
  if (!Array.isArray(json.layers) || json.layers.length === 0) fail('layers must be a non-empty list');
  json.layers.forEach((l, i) => {
    if (!isRecord(l) || typeof l.type !== 'string' || !isRecord(l.config ?? {})) {
      fail(`layer ${i} must be {type, config}`);
    }
    if (!hasLayer(l.type))
      fail(`layer ${i}: unknown layer type '${l.type}' (known: ${layerTypes().join(', ')})`);
  });
  const w = json.weights;
  if (!isRecord(w) || !Number.isInteger(w.byteLength) || !Array.isArray(w.tensors)) {
    fail('weights must be {byteLength, tensors}');
  }
  w.tensors.forEach((t, i) => {
    if (!isRecord(t) || typeof t.name !== 'string' || !isShape(t.shape) || !Number.isInteger(t.offset)) {
      fail(`weights.tensors[${i}] must be {name, shape, offset}`);
    }
  });
  return json as unknown as ModelFile;
}

/** A weight whose magnitude is past this is refused: no trained network holds one, and ±3.4e38 saturates every softmax. */
export const MAX_WEIGHT_MAGNITUDE = 1e6;

/**
 * Checks model.json against the weights' byte length by arithmetic alone: the structure, every layer's
 * shapes from its config (under `limits`), the classes against the outputs, and the tensor table
 * against the shapes and the byte length. Nothing is allocated, so a 1 KB file that declares a
 * 1,000,000-unit layer is refused at once. Returns the file typed and its shapes.
 */
export function checkModelFile(
  json: unknown,
  weightsByteLength: number,
  limits: ModelLimits = MODEL_LIMITS,
): { file: ModelFile; shapes: ModelShapes } {
  const file = parseModelFile(json);
  let shapes: ModelShapes;
  try {
    shapes = modelShapes({ inputShape: file.inputShape, layers: file.layers }, limits);
  } catch (error) {
    fail((error as Error).message);
  }
  const outputs = sizeOf(shapes.outputShape);
  if (file.classes.length !== outputs)
    fail(`${file.classes.length} classes for a model with ${outputs} outputs`);
  const expected = shapes.values * 4;
  if (file.weights.byteLength !== expected) {
    fail(
      `weights.byteLength is ${file.weights.byteLength}, the layers need ${expected} (${shapes.values} float32)`,
    );
  }
  if (weightsByteLength < expected) {
    fail(`weights are truncated: ${weightsByteLength} bytes, expected ${expected}`);
  }
  if (weightsByteLength !== expected) fail(`weights are ${weightsByteLength} bytes, expected ${expected}`);
  const table = file.weights.tensors;
  if (table.length !== shapes.tensors.length) {
    fail(`the layers need ${shapes.tensors.length} weight tensors, the file lists ${table.length}`);
  }
  shapes.tensors.forEach((t, k) => {
    const entry = table[k];
    if (entry.name !== t.name || !sameShape(entry.shape, t.shape)) {
      fail(
        `tensor ${k} is ${entry.name} [${entry.shape.join(', ')}], the layers expect ${t.name} [${t.shape.join(', ')}]`,
      );
    }
    const end = entry.offset + sizeOf(t.shape) * 4;
    if (entry.offset < 0 || end > weightsByteLength) {
      fail(`tensor ${entry.name} at bytes ${entry.offset}..${end} is past the end of the weights`);
    }
  });
  return { file, shapes };
}

/**
 * Rebuilds a model from model.json (parsed) and the weights blob; every mismatch is a clear error.
 * The file is sized by `checkModelFile` before anything is built; every weight must be finite and
 * at most MAX_WEIGHT_MAGNITUDE.
 */
export function deserializeModel(json: unknown, weights: Uint8Array): { model: Sequential; meta: ModelMeta } {
  const { file } = checkModelFile(json, weights.byteLength);
  const spec: ModelSpec = { inputShape: file.inputShape, layers: file.layers };
  let model: Sequential;
  try {
    model = new Sequential(spec, new Rng(0)); // initial values are overwritten below
  } catch (error) {
    fail((error as Error).message);
  }
  const view = new DataView(weights.buffer, weights.byteOffset, weights.byteLength);
  model.namedTensors().forEach((t, k) => {
    const entry = file.weights.tensors[k];
    const data = t.tensor.data;
    let at = entry.offset;
    for (let i = 0; i < data.length; i++, at += 4) {
      const v = view.getFloat32(at, true);
      if (!Number.isFinite(v)) fail(`tensor ${entry.name} holds ${v} at index ${i} (weights must be finite)`);
      if (Math.abs(v) > MAX_WEIGHT_MAGNITUDE) {
        fail(
          `tensor ${entry.name} holds ${v.toPrecision(3)} at index ${i} (weights must be within ±${MAX_WEIGHT_MAGNITUDE.toExponential()})`,
        );
      }
      data[i] = v;
    }
  });
  const meta: ModelMeta = {
    classes: [...file.classes],
    ...(file.normalization !== undefined && { normalization: file.normalization }),
    ...(file.training !== undefined && { training: file.training }),
    ...(file.metrics !== undefined && { metrics: file.metrics }),
    ...(file.metadata !== undefined && { metadata: file.metadata }),
  };
  return { model, meta };
}
