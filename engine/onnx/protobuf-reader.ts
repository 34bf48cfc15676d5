// A minimal protobuf reader, the inverse of ProtoWriter: enough to read an exported model's header and
// metadata back (tests, and the app showing what an .onnx file holds). Not a general ONNX parser.

export interface ProtoField {
  readonly field: number;
  readonly wireType: number;
  /** Varint and fixed32 fields: the number (varints past 2⁵³ lose precision); LEN fields: the bytes. */
  readonly value: number | Uint8Array;
}

/** The top-level fields of one message, in order. */
export function readFields(bytes: Uint8Array): ProtoField[] {
  const fields: ProtoField[] = [];
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (;;) {
      if (pos >= bytes.length) throw new Error('protobuf: truncated varint');
      const b = bytes[pos++];
      result += (b & 0x7f) * scale;
      scale *= 128;
      if ((b & 0x80) === 0) return result;
    }
  };
  while (pos < bytes.length) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    const wireType = tag % 8;
    if (wireType === 0) fields.push({ field, wireType, value: varint() });
    else if (wireType === 2) {
      const len = varint();
      if (pos + len > bytes.length) throw new Error('protobuf: truncated length-delimited field');
      fields.push({ field, wireType, value: bytes.subarray(pos, pos + len) });
      pos += len;
    } else if (wireType === 5) {
      if (pos + 4 > bytes.length) throw new Error('protobuf: truncated fixed32');
      fields.push({
        field,
        wireType,
        value: new DataView(bytes.buffer, bytes.byteOffset + pos, 4).getFloat32(0, true),
      });
      pos += 4;
    } else if (wireType === 1) {
      pos += 8; // fixed64: not used by the fields read here
    } else throw new Error(`protobuf: unsupported wire type ${wireType}`);
  }
  return fields;
}

/** Decodes UTF-8 bytes (the engine's lib has no TextDecoder). */
export function fromUtf8(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let c = n === 1 ? b : b & (0xff >> (n + 1));
    for (let k = 1; k < n; k++) c = (c << 6) | (bytes[i + k] & 0x3f);
    out += String.fromCodePoint(c);
    i += n;
  }
  return out;
}

export interface OnnxHeader {
  readonly irVersion: number;
  readonly producerName: string;
  readonly opsetVersion: number;
  readonly metadata: Record<string, string>;
}

/** ModelProto's ir_version, producer_name, default-domain opset and metadata_props. */
export function readOnnxHeader(model: Uint8Array): OnnxHeader {
  let irVersion = 0;
  let producerName = '';
  let opsetVersion = 0;
  const metadata: Record<string, string> = {};
  for (const f of readFields(model)) {
    if (f.field === 1 && typeof f.value === 'number') irVersion = f.value;
    else if (f.field === 2 && f.value instanceof Uint8Array) producerName = fromUtf8(f.value);
    else if (f.field === 8 && f.value instanceof Uint8Array) {
      const opset = readFields(f.value);
      const domain = opset.find((g) => g.field === 1);
      const version = opset.find((g) => g.field === 2);
      if ((domain === undefined || (domain.value as Uint8Array).length === 0) && version !== undefined) {
        opsetVersion = version.value as number;
      }
    } else if (f.field === 14 && f.value instanceof Uint8Array) {
      const entry = readFields(f.value);
      const text = (field: number) => {
        const v = entry.find((g) => g.field === field)?.value;
        return v instanceof Uint8Array ? fromUtf8(v) : '';
      };
      metadata[text(1)] = text(2);
    }
  }
  return { irVersion, producerName, opsetVersion, metadata };
}
