// IDX, the format MNIST ships in (http://yann.lecun.com/exdb/mnist/): a 4-byte magic number
// (0, 0, type code, number of dimensions), one big-endian uint32 per dimension, then the values,
// big-endian, row-major. Pure parser and encoder on Uint8Array; file I/O and gzip live in
// io/idx-file.ts. Browser-safe: no Node, no DOM.

export type IdxType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

export type IdxData = Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;

export interface IdxArray {
  type: IdxType;
  shape: number[];
  data: IdxData;
}

/** Each IDX value type: its code in the magic number, its width in bytes and its array. */
interface IdxFormat {
  readonly code: number;
  readonly size: number;
  readonly array: { new (length: number): IdxData; new (buffer: ArrayBufferLike): IdxData };
}

const FORMATS: Record<IdxType, IdxFormat> = {
  uint8: { code: 0x08, size: 1, array: Uint8Array },
  int8: { code: 0x09, size: 1, array: Int8Array },
  int16: { code: 0x0b, size: 2, array: Int16Array },
  int32: { code: 0x0c, size: 4, array: Int32Array },
  float32: { code: 0x0d, size: 4, array: Float32Array },
  float64: { code: 0x0e, size: 8, array: Float64Array },
};
const TYPES = new Map<number, IdxType>(Object.entries(FORMATS).map(([t, f]) => [f.code, t as IdxType]));

/** Whether this machine keeps numbers little-endian (every platform Node and Electron run on does). */
const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/**
 * Between IDX's big-endian order and this machine's, in place: reverses the bytes of each `size`-byte
 * value. One loop for every type, where a DataView would need a getter and a setter per type.
 */
function swapByteOrder(bytes: Uint8Array, size: number): void {
  if (size === 1 || !LITTLE_ENDIAN) return;
  for (let at = 0; at < bytes.length; at += size) {
    for (let i = at, j = at + size - 1; i < j; i++, j--) {
      const t = bytes[i];
      bytes[i] = bytes[j];
      bytes[j] = t;
    }
  }
}

/** A malformed IDX file: bad magic, truncated, or sizes that do not add up. */
export class IdxError extends Error {
  override name = 'IdxError';
}

/** Whether bytes start with the gzip magic (1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Parse an IDX file held in memory. `name` goes into error messages (a file name, say). */
export function parseIdx(bytes: Uint8Array, name = 'IDX data'): IdxArray {
  if (isGzip(bytes)) throw new IdxError(`${name}: gzip-compressed; decompress it first (readIdxFile does)`);
  if (bytes.length < 4)
    throw new IdxError(`${name}: truncated: ${bytes.length} bytes, too short for the magic number`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new IdxError(
      `${name}: bad magic number ${hex(bytes, 4)}: not an IDX file (expected 00 00 <type> <dims>)`,
    );
  }
  const type = TYPES.get(bytes[2]);
  if (type === undefined) {
    throw new IdxError(
      `${name}: bad magic number ${hex(bytes, 4)}: unknown data type 0x${bytes[2].toString(16)}`,
    );
  }
  const dims = bytes[3];
  if (dims === 0) throw new IdxError(`${name}: bad magic number ${hex(bytes, 4)}: zero dimensions`);
  const header = 4 + 4 * dims;
  if (bytes.length < header) {
    throw new IdxError(
      `${name}: truncated: ${bytes.length} bytes, the header of ${dims} dimensions needs ${header}`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape: number[] = [];
  let count = 1;
  for (let d = 0; d < dims; d++) {
    const n = view.getUint32(4 + 4 * d, false);
    shape.push(n);
    count *= n;
  }
  const expected = header + count * FORMATS[type].size;
  if (bytes.length < expected) {
    throw new IdxError(
      `${name}: truncated: ${bytes.length} bytes, but [${shape.join(', ')}] ${type} needs ${expected} (${expected - bytes.length} missing)`,
    );
  }
  if (bytes.length > expected) {
    throw new IdxError(
      `${name}: size mismatch: ${bytes.length} bytes, but [${shape.join(', ')}] ${type} needs exactly ${expected} (${bytes.length - expected} extra)`,
    );
  }
  return { type, shape, data: readValues(view, header, type, count) };
}

function readValues(view: DataView, at: number, type: IdxType, n: number): IdxData {
  const { size, array: Values } = FORMATS[type];
  const start = view.byteOffset + at;
  const bytes = new Uint8Array(view.buffer.slice(start, start + n * size));
  swapByteOrder(bytes, size);
  return new Values(bytes.buffer);
}

/** Encode an array as IDX bytes. */
export function encodeIdx(array: IdxArray): Uint8Array {
  const { type, shape, data } = array;
  if (shape.length === 0 || shape.length > 255)
    throw new IdxError(`encodeIdx: ${shape.length} dimensions (1 to 255)`);
  let count = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0 || d > 0xffffffff) throw new IdxError(`encodeIdx: bad dimension ${d}`);
    count *= d;
  }
  if (data.length !== count) {
    throw new IdxError(`encodeIdx: shape [${shape.join(', ')}] needs ${count} values, got ${data.length}`);
  }
  const header = 4 + 4 * shape.length;
  const out = new Uint8Array(header + count * FORMATS[type].size);
  const view = new DataView(out.buffer);
  out[2] = FORMATS[type].code;
  out[3] = shape.length;
  shape.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d, false);
  });
  const { size, array: Values } = FORMATS[type];
  const values = new Values(count);
  values.set(data);
  const bytes = new Uint8Array(values.buffer);
  swapByteOrder(bytes, size);
  out.set(bytes, header);
  return out;
}

/** Images as MNIST stores them: uint8 [count, rows, cols]. */
export interface IdxImages {
  count: number;
  rows: number;
  cols: number;
  pixels: Uint8Array; // [count, rows, cols]
}

export function parseIdxImages(bytes: Uint8Array, name = 'IDX images'): IdxImages {
  const a = parseIdx(bytes, name);
  if (a.type !== 'uint8' || a.shape.length !== 3) {
    throw new IdxError(
      `${name}: expected uint8 images [count, rows, cols], got ${a.type} [${a.shape.join(', ')}]`,
    );
  }
  const [count, rows, cols] = a.shape;
  return { count, rows, cols, pixels: a.data as Uint8Array };
}

export function parseIdxLabels(bytes: Uint8Array, name = 'IDX labels'): Uint8Array {
  const a = parseIdx(bytes, name);
  if (a.type !== 'uint8' || a.shape.length !== 1) {
    throw new IdxError(`${name}: expected uint8 labels [count], got ${a.type} [${a.shape.join(', ')}]`);
  }
  return a.data as Uint8Array;
}

export function encodeIdxImages(pixels: Uint8Array, count: number, rows: number, cols: number): Uint8Array {
  return encodeIdx({ type: 'uint8', shape: [count, rows, cols], data: pixels });
}

export function encodeIdxLabels(labels: Uint8Array): Uint8Array {
  return encodeIdx({ type: 'uint8', shape: [labels.length], data: labels });
}

/** Pixels in [0, 1] → bytes (round to nearest, clamped). */
export function toBytes(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(Math.min(Math.max(values[i], 0), 1) * 255);
  return out;
}

/** Bytes → pixels in [0, 1]. */
export function fromBytes(bytes: Uint8Array, out = new Float32Array(bytes.length)): Float32Array {
  const inv = 1 / 255;
  for (let i = 0; i < bytes.length; i++) out[i] = bytes[i] * inv;
  return out;
}

function hex(bytes: Uint8Array, n: number): string {
  return Array.from(bytes.subarray(0, n), (b) => b.toString(16).padStart(2, '0')).join(' ');
}
