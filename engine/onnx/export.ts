// exportOnnx: a trained Sequential model → ONNX ModelProto bytes (opset 17, IR 8), verified against
// onnxruntime in export.test.ts. What is exported for each layer type is documented in docs/onnx.md.

import type { Sequential } from '../model';
import { attr, GraphBuilder } from './graph-builder';
import { exportableLayerTypes, onnxMapper } from './mappers';
import { DataType, type Dim, encodeModel } from './onnx-proto';
import './layer-mappers';
import './fixed-point';

/** ONNX IR version 8 (ONNX 1.10+) and opset 17 (ONNX 1.12, 2022): read by every maintained runtime. */
export const ONNX_IR_VERSION = 8;
export const ONNX_OPSET = 17;
export const ONNX_PRODUCER = 'glyph-lab';

/** What the exporter reads of a `Sequential`: its input shape without batch ([1, 28, 28], [784]) and layers. */
export type ExportableModel = Pick<Sequential, 'inputShape' | 'layers'>;

export interface OnnxMeta {
  /** Class labels, in output order; stored as metadata `classes` (a JSON array). */
  readonly classes: readonly string[];
  /** The model's name: graph name and metadata `name`. */
  readonly name?: string;
  /** How inputs are normalized before the network (stored as JSON in metadata `normalization`). */
  readonly normalization?: unknown;
}

export interface OnnxExportOptions {
  /** Also output `probabilities` = Softmax(logits) over the class axis. Default false. */
  readonly probabilities?: boolean;
}

export const INPUT_NAME = 'input';
export const LOGITS_NAME = 'logits';
export const PROBABILITIES_NAME = 'probabilities';
const BATCH: Dim = 'batch';

export function exportOnnx(
  model: ExportableModel,
  meta: OnnxMeta,
  options: OnnxExportOptions = {},
): Uint8Array {
  const graph = new GraphBuilder([INPUT_NAME, LOGITS_NAME, PROBABILITIES_NAME]);
  let value = INPUT_NAME;
  let shape: readonly number[] = model.inputShape;
  model.layers.forEach((layer, i) => {
    const mapper = onnxMapper(layer.type);
    if (mapper === undefined) {
      throw new Error(
        `ONNX export: layer type '${layer.type}' (layer ${i}) has no ONNX mapping; exportable types: ${exportableLayerTypes().join(', ')}`,
      );
    }
    ({ value, shape } = mapper(layer, {
      graph,
      input: value,
      inputShape: shape,
      prefix: `${layer.type}_${i}`,
    }));
  });
  if (shape.length !== 1) {
    throw new Error(`ONNX export: the model must end in [batch, classes], got [batch, ${shape.join(', ')}]`);
  }
  const classCount = shape[0];
  if (meta.classes.length !== classCount) {
    throw new Error(`ONNX export: ${meta.classes.length} class labels for ${classCount} outputs`);
  }
  if (!graph.renameOutput(value, LOGITS_NAME)) graph.node('Identity', [value], undefined, LOGITS_NAME);
  const outputs = [{ name: LOGITS_NAME, elemType: DataType.FLOAT, shape: [BATCH, classCount] }];
  if (options.probabilities === true) {
    graph.node('Softmax', [LOGITS_NAME], { axis: attr.int(1) }, PROBABILITIES_NAME);
    outputs.push({ name: PROBABILITIES_NAME, elemType: DataType.FLOAT, shape: [BATCH, classCount] });
  }
  const name = meta.name ?? 'glyph-lab model';
  const metadata: Record<string, string> = { classes: JSON.stringify(meta.classes), name };
  if (meta.normalization !== undefined) metadata.normalization = JSON.stringify(meta.normalization);
  return encodeModel({
    irVersion: ONNX_IR_VERSION,
    opsetVersion: ONNX_OPSET,
    producerName: ONNX_PRODUCER,
    docString: `${name}: ${model.layers.map((l) => l.type).join(' → ')}`,
    metadata,
    graph: graph.graph(
      name,
      [{ name: INPUT_NAME, elemType: DataType.FLOAT, shape: [BATCH, ...model.inputShape] }],
      outputs,
    ),
  });
}
