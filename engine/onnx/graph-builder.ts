// Accumulates the nodes and initializers of one ONNX graph, handing out unique value names.
// Layer mappers talk to this, never to the protobuf encoding.

import {
  type AttributeValue,
  DataType,
  type GraphSpec,
  type NodeSpec,
  type TensorSpec,
  type ValueInfoSpec,
} from './onnx-proto';

export type Attributes = Readonly<Record<string, AttributeValue>>;

export const attr = {
  float: (value: number): AttributeValue => ({ kind: 'float', value }),
  int: (value: number): AttributeValue => ({ kind: 'int', value }),
  string: (value: string): AttributeValue => ({ kind: 'string', value }),
  ints: (value: readonly number[]): AttributeValue => ({ kind: 'ints', value }),
  graph: (value: GraphSpec): AttributeValue => ({ kind: 'graph', value }),
};

export class GraphBuilder {
  readonly nodes: NodeSpec[] = [];
  readonly initializers: TensorSpec[] = [];
  private readonly used: Set<string>;

  /** `reserved` are names taken by the caller (graph inputs and outputs); `shared` is for subgraph(). */
  constructor(reserved: Iterable<string> = [], shared?: Set<string>) {
    this.used = shared ?? new Set(reserved);
  }

  /**
   * A builder for a subgraph (a Loop body) that shares this graph's names: ONNX values are in one
   * scope across a graph and its subgraphs, and a body may read the outer graph's values by name.
   */
  subgraph(): GraphBuilder {
    return new GraphBuilder([], this.used);
  }

  /** A name not yet used in this graph: `base`, else `base_1`, `base_2`, … */
  unique(base: string): string {
    let name = base;
    for (let i = 1; this.used.has(name); i++) name = `${base}_${i}`;
    this.used.add(name);
    return name;
  }

  /** A float32 initializer; returns its name. */
  floats(base: string, dims: readonly number[], values: ArrayLike<number>): string {
    return this.constant(base, dims, DataType.FLOAT, values);
  }

  /** An int64 initializer (shapes, axes, trip counts); returns its name. */
  int64s(base: string, dims: readonly number[], values: readonly number[]): string {
    return this.constant(base, dims, DataType.INT64, values);
  }

  bool(base: string, value: boolean): string {
    return this.constant(base, [], DataType.BOOL, [value ? 1 : 0]);
  }

  /** Adds a node with one output; returns the output's name (`output`, or a fresh name from `opType`). */
  node(opType: string, inputs: readonly string[], attributes?: Attributes, output?: string): string {
    const out = output ?? this.unique(opType.toLowerCase());
    this.nodes.push({ opType, name: this.unique(`${opType}_node`), inputs, outputs: [out], attributes });
    return out;
  }

  /** Adds a node whose outputs the caller named (multi-output ops such as Loop). */
  multiNode(
    opType: string,
    inputs: readonly string[],
    outputs: readonly string[],
    attributes?: Attributes,
  ): void {
    this.nodes.push({ opType, name: this.unique(`${opType}_node`), inputs, outputs, attributes });
  }

  /** Renames the output of the node that produces `value` (no later node may read it yet). */
  renameOutput(value: string, to: string): boolean {
    const i = this.nodes.findIndex((n) => n.outputs.includes(value));
    if (i < 0) return false;
    const node = this.nodes[i];
    this.nodes[i] = { ...node, outputs: node.outputs.map((o) => (o === value ? to : o)) };
    return true;
  }

  graph(name: string, inputs: readonly ValueInfoSpec[], outputs: readonly ValueInfoSpec[]): GraphSpec {
    return { name, nodes: this.nodes, initializers: this.initializers, inputs, outputs };
  }

  private constant(
    base: string,
    dims: readonly number[],
    dataType: TensorSpec['dataType'],
    values: ArrayLike<number>,
  ): string {
    const name = this.unique(base);
    // Copy: the model's buffers keep training after export.
    this.initializers.push({
      name,
      dims: [...dims],
      dataType,
      values: values instanceof Float32Array ? values.slice() : Array.from(values),
    });
    return name;
  }
}
