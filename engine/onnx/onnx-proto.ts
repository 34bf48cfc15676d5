// ONNX messages as plain objects, and their protobuf encoding. Field numbers follow onnx/onnx.proto
// (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto); only what an exported model needs.

import { ProtoWriter } from './protobuf';

/** TensorProto.DataType values used here. */
export const DataType = { FLOAT: 1, INT64: 7, BOOL: 9 } as const;
export type DataTypeCode = (typeof DataType)[keyof typeof DataType];

/** AttributeProto.AttributeType values used here. */
const AttributeType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, GRAPH: 5, FLOATS: 6, INTS: 7 } as const;

/** An initializer or constant: dims and either float32 values or int64 values, stored as raw_data. */
export interface TensorSpec {
  readonly name: string;
  readonly dims: readonly number[];
  readonly dataType: DataTypeCode;
  /** FLOAT: float32 values; INT64: integers (safe range); BOOL: 0/1. */
  readonly values: ArrayLike<number>;
}

export type AttributeValue =
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'floats'; readonly value: readonly number[] }
  | { readonly kind: 'ints'; readonly value: readonly number[] }
  | { readonly kind: 'tensor'; readonly value: TensorSpec }
  | { readonly kind: 'graph'; readonly value: GraphSpec };

export interface NodeSpec {
  readonly opType: string;
  readonly name: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

/** A dimension is a fixed size or a symbolic name (e.g. "batch"); `null` leaves it unknown. */
export type Dim = number | string | null;

export interface ValueInfoSpec {
  readonly name: string;
  readonly elemType: DataTypeCode;
  /** `undefined` leaves the rank unknown (allowed for Loop body values). */
  readonly shape?: readonly Dim[];
}

export interface GraphSpec {
  readonly name: string;
  readonly nodes: readonly NodeSpec[];
  readonly initializers: readonly TensorSpec[];
  readonly inputs: readonly ValueInfoSpec[];
  readonly outputs: readonly ValueInfoSpec[];
}

export interface ModelSpec {
  readonly irVersion: number;
  readonly opsetVersion: number;
  readonly producerName: string;
  readonly producerVersion?: string;
  readonly docString?: string;
  readonly graph: GraphSpec;
  readonly metadata: Readonly<Record<string, string>>;
}

/** ModelProto bytes. */
export function encodeModel(model: ModelSpec): Uint8Array {
  const w = new ProtoWriter();
  w.int(1, model.irVersion);
  w.string(2, model.producerName);
  if (model.producerVersion !== undefined) w.string(3, model.producerVersion);
  if (model.docString !== undefined) w.string(6, model.docString);
  w.message(7, encodeGraph(model.graph));
  // OperatorSetIdProto for the default domain (""): domain omitted, version = opset.
  w.message(8, new ProtoWriter().int(2, model.opsetVersion));
  for (const [key, value] of Object.entries(model.metadata)) {
    w.message(14, new ProtoWriter().string(1, key).string(2, value));
  }
  return w.finish();
}

export function encodeGraph(graph: GraphSpec): ProtoWriter {
  const w = new ProtoWriter();
  for (const node of graph.nodes) w.message(1, encodeNode(node));
  w.string(2, graph.name);
  for (const t of graph.initializers) w.message(5, encodeTensor(t));
  for (const v of graph.inputs) w.message(11, encodeValueInfo(v));
  for (const v of graph.outputs) w.message(12, encodeValueInfo(v));
  return w;
}

export function encodeNode(node: NodeSpec): ProtoWriter {
  const w = new ProtoWriter();
  for (const input of node.inputs) w.string(1, input);
  for (const output of node.outputs) w.string(2, output);
  w.string(3, node.name);
  w.string(4, node.opType);
  for (const [name, value] of Object.entries(node.attributes ?? {}))
    w.message(5, encodeAttribute(name, value));
  return w;
}

export function encodeAttribute(name: string, attr: AttributeValue): ProtoWriter {
  const w = new ProtoWriter().string(1, name);
  switch (attr.kind) {
    case 'float':
      w.float(2, attr.value).int(20, AttributeType.FLOAT);
      break;
    case 'int':
      w.int(3, attr.value).int(20, AttributeType.INT);
      break;
    case 'string':
      w.string(4, attr.value).int(20, AttributeType.STRING);
      break;
    case 'tensor':
      w.message(5, encodeTensor(attr.value)).int(20, AttributeType.TENSOR);
      break;
    case 'graph':
      w.message(6, encodeGraph(attr.value)).int(20, AttributeType.GRAPH);
      break;
    case 'floats':
      for (const f of attr.value) w.float(7, f);
      w.int(20, AttributeType.FLOATS);
      break;
    case 'ints':
      for (const i of attr.value) w.int(8, i);
      w.int(20, AttributeType.INTS);
      break;
  }
  return w;
}

/** TensorProto with raw_data: little-endian float32, int64 or bool bytes. */
export function encodeTensor(t: TensorSpec): ProtoWriter {
  const w = new ProtoWriter();
  for (const d of t.dims) w.int(1, d);
  w.int(2, t.dataType);
  w.string(8, t.name);
  w.bytes(9, rawData(t));
  return w;
}

function rawData(t: TensorSpec): Uint8Array {
  const n = t.values.length;
  switch (t.dataType) {
    case DataType.FLOAT: {
      const out = new Uint8Array(n * 4);
      const view = new DataView(out.buffer);
      for (let i = 0; i < n; i++) view.setFloat32(i * 4, t.values[i], true);
      return out;
    }
    case DataType.INT64: {
      const out = new Uint8Array(n * 8);
      const view = new DataView(out.buffer);
      for (let i = 0; i < n; i++) view.setBigInt64(i * 8, BigInt(t.values[i]), true);
      return out;
    }
    case DataType.BOOL:
      return Uint8Array.from({ length: n }, (_, i) => (t.values[i] ? 1 : 0));
  }
}

export function encodeValueInfo(v: ValueInfoSpec): ProtoWriter {
  const tensorType = new ProtoWriter().int(1, v.elemType);
  if (v.shape !== undefined) {
    const shape = new ProtoWriter();
    for (const d of v.shape) {
      const dim = new ProtoWriter();
      if (typeof d === 'number') dim.int(1, d);
      else if (typeof d === 'string') dim.string(2, d);
      shape.message(1, dim);
    }
    tensorType.message(2, shape);
  }
  return new ProtoWriter().string(1, v.name).message(2, new ProtoWriter().message(1, tensorType));
}
