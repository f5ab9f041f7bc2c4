// node:internal/blob — Blob and File (the File API, https://w3c.github.io/FileAPI/) as Node 24
// has them: the globals and `require('buffer').Blob/File`. A blob holds its bytes as a list
// of immutable parts (copies of the sources, shared between a blob and its slices, or a
// FilePart of fs.openAsBlob's file, read when the blob is read); `stream()`
// yields one chunk per part, as Node's does. Node's `stream()` is a byte stream; jsgen's web
// streams have no byte streams yet, so it is a default ReadableStream of Uint8Arrays
// (DESIGN.md, "Web streams").
'use strict';

const { nodeError, invalidArgType, missingArgs } = require('internal/errors');

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
const kState = Symbol('kState');

function invalidThis(type) {
  return nodeError('TypeError', 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`);
}
function isBlob(v) {
  return v !== null && typeof v === 'object' && v[kState] !== undefined;
}
function checkBlob(self) {
  if (!isBlob(self)) throw invalidThis('Blob');
  return self[kState];
}

let encoder;
function encodeString(s) {
  encoder ??= new (require('internal/encoding').TextEncoder)();
  return encoder.encode(s);
}

function normalizeType(type) {
  const s = `${type}`;
  return /[^\u0020-\u007E]/.test(s) ? '' : s.toLowerCase();
}

function toPart(part, endings) {
  if (part instanceof ArrayBuffer || Object.prototype.toString.call(part) === '[object SharedArrayBuffer]') {
    return new Uint8Array(part.slice(0));
  }
  if (ArrayBuffer.isView(part)) {
    return new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength));
  }
  if (isBlob(part)) return part[kState].parts;
  let s = `${part}`;
  if (endings === 'native') s = s.replace(/\r\n|\r/g, '\n');
  return encodeString(s);
}

function createBlob(parts, size, type) {
  const blob = Object.create(Blob.prototype);
  blob[kState] = { parts, size, type };
  return blob;
}

// A part of a file-backed blob (fs.openAsBlob): `length` bytes at `offset` in the file, read
// when the blob is read. As in Node, the file must still have the size and modification time
// it had when the blob was made, else the read fails with a NotReadableError DOMException.
class FilePart {
  constructor(path, offset, length, fileSize, mtimeMs) {
    this.path = path;
    this.offset = offset;
    this.length = length;
    this.fileSize = fileSize;
    this.mtimeMs = mtimeMs;
  }

  subarray(start, end) {
    return new FilePart(this.path, this.offset + start, end - start, this.fileSize, this.mtimeMs);
  }

  read() {
    const out = new Uint8Array(this.length);
    let fd = -1;
    try {
      const st = binding.fsSync('stat', this.path);
      if (st[8] !== this.fileSize || st[11] !== this.mtimeMs) throw null;
      fd = binding.fsSync('open', this.path, 0, 0o666);
      let done = 0;
      while (done < this.length) {
        const got = binding.fsSync('read', fd, this.length - done, this.offset + done);
        if (got.length === 0) throw null;
        out.set(got, done);
        done += got.length;
      }
    } catch {
      throw new DOMException('The blob could not be read', 'NotReadableError');
    } finally {
      if (fd !== -1) binding.fsSync('close', fd);
    }
    return out;
  }
}

function partBytes(p) {
  return p instanceof FilePart ? p.read() : p;
}

// fs.openAsBlob's blob: the file is stat'ed now (a missing file throws Node's ENOENT error).
function createBlobFromFilePath(path, options) {
  const st = binding.fsSync('stat', path);
  const size = st[8];
  const parts = size > 0 ? [new FilePart(path, 0, size, size, st[11])] : [];
  return createBlob(parts, size, options?.type ?? '');
}

function concatParts(state) {
  const out = new Uint8Array(state.size);
  let offset = 0;
  for (const p of state.parts) {
    out.set(partBytes(p), offset);
    offset += p.length;
  }
  return out;
}

// A blob's bytes as a promise (rejected when a file part cannot be read).
function readAll(blob, then) {
  try {
    return Promise.resolve(then(concatParts(blob[kState])));
  } catch (e) {
    return Promise.reject(e);
  }
}

class Blob {
  constructor(sources = [], options = undefined) {
    if (sources === null || typeof sources !== 'object' ||
        typeof sources[Symbol.iterator] !== 'function') {
      throw nodeError('TypeError', 'ERR_INVALID_ARG_TYPE', 'Value cannot be converted to sequence.');
    }
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw invalidArgType('options', 'a dictionary', options);
    }
    const endings = `${options?.endings ?? 'transparent'}`;
    if (endings !== 'transparent' && endings !== 'native') {
      const { inspect } = binding;
      throw nodeError('TypeError', 'ERR_INVALID_ARG_VALUE',
        `The property 'options.endings' is invalid. Received ${inspect(endings)}`);
    }
    const parts = [];
    let size = 0;
    for (const source of sources) {
      const p = toPart(source, endings);
      if (Array.isArray(p)) {
        for (const q of p) { parts.push(q); size += q.length; }
      } else if (p.length > 0) {
        parts.push(p);
        size += p.length;
      }
    }
    const type = options?.type === undefined ? '' : normalizeType(options.type);
    this[kState] = { parts, size, type };
  }

  get type() {
    return checkBlob(this).type;
  }

  get size() {
    return checkBlob(this).size;
  }

  slice(start = 0, end = undefined, contentType = undefined) {
    const s = checkBlob(this);
    const relative = (v, dflt) => {
      if (v === undefined) return dflt;
      v = Math.trunc(Number(v)) || 0;
      return v < 0 ? Math.max(s.size + v, 0) : Math.min(v, s.size);
    };
    const from = relative(start, 0);
    const to = relative(end, s.size);
    const span = Math.max(to - from, 0);
    const parts = [];
    let offset = 0;
    for (const p of s.parts) {
      const pStart = offset;
      const pEnd = offset + p.length;
      offset = pEnd;
      const a = Math.max(from, pStart);
      const b = Math.min(from + span, pEnd);
      if (a < b) parts.push(a === pStart && b === pEnd ? p : p.subarray(a - pStart, b - pStart));
    }
    const type = contentType === undefined ? '' : normalizeType(contentType);
    return createBlob(parts, span, type);
  }

  arrayBuffer() {
    if (!isBlob(this)) return Promise.reject(invalidThis('Blob'));
    return readAll(this, (bytes) => bytes.buffer);
  }

  text() {
    if (!isBlob(this)) return Promise.reject(invalidThis('Blob'));
    const { TextDecoder } = require('internal/encoding');
    return readAll(this, (bytes) => new TextDecoder().decode(bytes));
  }

  bytes() {
    if (!isBlob(this)) return Promise.reject(invalidThis('Blob'));
    return readAll(this, (bytes) => bytes);
  }

  stream() {
    const s = checkBlob(this);
    const { ReadableStream } = require('internal/webstreams');
    const parts = s.parts.slice();
    let i = 0;
    return new ReadableStream({
      pull(c) {
        if (i < parts.length) c.enqueue(partBytes(parts[i++]).slice());
        if (i >= parts.length) c.close();
      },
    }, { highWaterMark: 0 });
  }

  [inspectCustom](depth, options) {
    if (depth < 0) return this;
    const opts = Object.assign({}, options, {
      depth: options.depth == null ? null : options.depth - 1,
    });
    const data = { size: this.size, type: this.type };
    if (this instanceof File) {
      data.name = this.name;
      data.lastModified = this.lastModified;
    }
    return `${this instanceof File ? 'File' : 'Blob'} ${binding.inspect(data, opts)}`;
  }
}
Object.defineProperties(Blob.prototype, {
  type: { enumerable: true },
  size: { enumerable: true },
  slice: { enumerable: true },
  arrayBuffer: { enumerable: true },
  text: { enumerable: true },
  bytes: { enumerable: true },
  stream: { enumerable: true },
  [Symbol.toStringTag]: { value: 'Blob', writable: false, enumerable: false, configurable: true },
});

const kFile = Symbol('kFile');

class File extends Blob {
  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw missingArgs('fileBits', 'fileName');
    super(fileBits, options);
    let lastModified = options?.lastModified;
    // WebIDL long long: NaN and infinities are 0, the rest truncated.
    lastModified = lastModified === undefined ? Date.now() : Number(lastModified);
    lastModified = Number.isFinite(lastModified) ? Math.trunc(lastModified) : 0;
    this[kFile] = { name: `${fileName}`, lastModified };
  }

  get name() {
    if (this?.[kFile] === undefined) throw invalidThis('File');
    return this[kFile].name;
  }

  get lastModified() {
    if (this?.[kFile] === undefined) throw invalidThis('File');
    return this[kFile].lastModified;
  }
}
Object.defineProperties(File.prototype, {
  name: { enumerable: true },
  lastModified: { enumerable: true },
  [Symbol.toStringTag]: { value: 'File', writable: false, enumerable: false, configurable: true },
});

module.exports = { Blob, File, isBlob, createBlobFromFilePath };
