// JSON-safe encoding of the contract's payloads for the e2e host: typed arrays (which Electron's
// structured clone carries natively) become {__typed, base64}. Runs on both sides of the binding.

type TypedName = 'Uint8Array' | 'Float32Array' | 'Int32Array';
interface Encoded {
  __typed: TypedName;
  base64: string;
}

const ctors = { Uint8Array, Float32Array, Int32Array } as const;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export function encode(value: unknown): unknown {
  for (const name of Object.keys(ctors) as TypedName[]) {
    if (value instanceof ctors[name]) {
      const v = value as Uint8Array | Float32Array | Int32Array;
      return { __typed: name, base64: toBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)) };
    }
  }
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = encode(v);
    return out;
  }
  return value;
}

export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const e = value as Partial<Encoded>;
    if (typeof e.__typed === 'string' && typeof e.base64 === 'string' && e.__typed in ctors) {
      const bytes = fromBase64(e.base64);
      const Ctor = ctors[e.__typed];
      return new Ctor(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / Ctor.BYTES_PER_ELEMENT);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = decode(v);
    return out;
  }
  return value;
}
