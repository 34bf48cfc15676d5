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

const CODES: Record<IdxType, number> = {
  uint8: 0x08,
  int8: 0x09,
  int16: 0x0b,
  int32: 0x0c,
  float32: 0x0d,
  float64: 0x0e,
};
const SIZES: Record<IdxType, number> = { uint8: 1, int8: 1, int16: 2, int32: 4, float32: 4, float64: 8 };
const TYPES = new Map<number, IdxType>(Object.entries(CODES).map(([t, c]) => [c, t as IdxType]));

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
  const expected = header + count * SIZES[type];
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
  switch (type) {
    case 'uint8':
      return new Uint8Array(view.buffer.slice(view.byteOffset + at, view.byteOffset + at + n));
    case 'int8':
      return new Int8Array(view.buffer.slice(view.byteOffset + at, view.byteOffset + at + n));
    case 'int16': {
      const out = new Int16Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt16(at + 2 * i, false);
      return out;
    }
    case 'int32': {
      const out = new Int32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getInt32(at + 4 * i, false);
      return out;
    }
    case 'float32': {
      const out = new Float32Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat32(at + 4 * i, false);
      return out;
    }
    case 'float64': {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = view.getFloat64(at + 8 * i, false);
      return out;
    }
  }
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
  const out = new Uint8Array(header + count * SIZES[type]);
  const view = new DataView(out.buffer);
  out[2] = CODES[type];
  out[3] = shape.length;
  shape.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d, false);
  });
  switch (type) {
    case 'uint8':
    case 'int8':
      out.set(new Uint8Array(data.buffer, data.byteOffset, count), header);
      break;
    case 'int16':
      for (let i = 0; i < count; i++) view.setInt16(header + 2 * i, data[i], false);
      break;
    case 'int32':
      for (let i = 0; i < count; i++) view.setInt32(header + 4 * i, data[i], false);
      break;
    case 'float32':
      for (let i = 0; i < count; i++) view.setFloat32(header + 4 * i, data[i], false);
      break;
    case 'float64':
      for (let i = 0; i < count; i++) view.setFloat64(header + 8 * i, data[i], false);
      break;
  }
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
