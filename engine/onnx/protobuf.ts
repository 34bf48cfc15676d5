// A minimal protobuf writer: just the wire types ONNX needs (varint, 32-bit, length-delimited).
// Fields are written in call order; nested messages are encoded first and embedded as bytes.
// Reference: https://protobuf.dev/programming-guides/encoding/

const WIRE_VARINT = 0;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;

/** Appends protobuf fields to a growable byte buffer; `finish()` returns the encoded message. */
export class ProtoWriter {
  private buf = new Uint8Array(64);
  private len = 0;
  private readonly scratch = new DataView(new ArrayBuffer(4));

  get length(): number {
    return this.len;
  }

  /** A varint field holding an int32/int64/enum/bool (negative values take ten bytes, as int64). */
  int(field: number, value: number): this {
    this.tag(field, WIRE_VARINT);
    this.varint(value);
    return this;
  }

  /** A 32-bit float field (wire type 5, little-endian). */
  float(field: number, value: number): this {
    this.tag(field, WIRE_FIXED32);
    this.scratch.setFloat32(0, value, true);
    this.reserve(4);
    for (let i = 0; i < 4; i++) this.buf[this.len++] = this.scratch.getUint8(i);
    return this;
  }

  /** A UTF-8 string field. */
  string(field: number, value: string): this {
    return this.bytes(field, utf8(value));
  }

  /** A length-delimited bytes field (also how an embedded message is written). */
  bytes(field: number, value: Uint8Array): this {
    this.tag(field, WIRE_LEN);
    this.varint(value.length);
    this.raw(value);
    return this;
  }

  /** An embedded message field. */
  message(field: number, value: ProtoWriter | Uint8Array): this {
    return this.bytes(field, value instanceof ProtoWriter ? value.finish() : value);
  }

  /** A packed repeated float field: one length-delimited run of little-endian float32. */
  packedFloats(field: number, values: ArrayLike<number>): this {
    this.tag(field, WIRE_LEN);
    this.varint(values.length * 4);
    this.reserve(values.length * 4);
    const view = new DataView(this.buf.buffer, this.buf.byteOffset + this.len, values.length * 4);
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
    this.len += values.length * 4;
    return this;
  }

  /** A packed repeated varint field (int32/int64). */
  packedInts(field: number, values: ArrayLike<number>): this {
    const inner = new ProtoWriter();
    for (let i = 0; i < values.length; i++) inner.varint(values[i]);
    return this.bytes(field, inner.finish());
  }

  /** The encoded bytes so far (a copy). */
  finish(): Uint8Array {
    return this.buf.slice(0, this.len);
  }

  /** A base-128 varint; negative integers are written as 64-bit two's complement (ten bytes). */
  varint(value: number): void {
    if (!Number.isSafeInteger(value)) throw new Error(`protobuf: varint needs a safe integer, got ${value}`);
    this.reserve(10);
    if (value >= 0) {
      // NOTE: bitwise operators truncate to 32 bits, so values past 2³¹ are split with arithmetic.
      while (value > 0x7f) {
        this.buf[this.len++] = (value % 128) | 0x80;
        value = Math.floor(value / 128);
      }
      this.buf[this.len++] = value;
      return;
    }
    // Two's complement over 64 bits, from its low and high 32-bit halves.
    let lo = value >>> 0;
    let hi = (Math.floor(value / 4294967296) >>> 0) | 0;
    for (let i = 0; i < 9; i++) {
      this.buf[this.len++] = (lo & 0x7f) | 0x80;
      lo = ((lo >>> 7) | (hi << 25)) >>> 0;
      hi >>>= 7;
    }
    this.buf[this.len++] = lo & 0x01;
  }

  private tag(field: number, wireType: number): void {
    this.varint(field * 8 + wireType);
  }

  private raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.len);
    this.len += bytes.length;
  }

  private reserve(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + extra) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
}

/** UTF-8 bytes of a string (the engine's lib has no TextEncoder); lone surrogates become U+FFFD. */
export function utf8(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return Uint8Array.from(out);
}
