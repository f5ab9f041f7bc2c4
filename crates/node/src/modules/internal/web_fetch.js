// node:internal/web_fetch — the Fetch Standard's classes as Node 24 (undici) exposes them:
// Headers, Request, Response and FormData, with undici's error messages, its inspect output
// and its body machinery (a body is a ReadableStream read to the end by `text()`, `json()`...,
// so the promise jobs run as in Node). There is no network: `fetch` itself lives in
// internal/fetch. Bodies that Node makes byte streams are default streams here, marked so
// that they inspect as Node's (`supportsBYOB: true`).
'use strict';

const { Blob, File, isBlob } = require('internal/blob');
const { URL, URLSearchParams } = require('internal/url');
const webstreams = require('internal/webstreams');

const { ReadableStream } = webstreams;
const streams = webstreams.internals;
const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
const kConstruct = Symbol('kConstruct');
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

let encoder;
function encode(s) {
  encoder ??= new (require('internal/encoding').TextEncoder)();
  return encoder.encode(s);
}
function utf8Decode(bytes) {
  const { TextDecoder } = require('internal/encoding');
  return new TextDecoder().decode(bytes);
}

// ---- WebIDL, as undici words its errors

function exception(header, message) {
  return new TypeError(`${header}: ${message}`);
}
function illegalInvocation() {
  const e = new TypeError('Illegal invocation');
  e.code = 'ERR_INVALID_THIS';
  return e;
}
function argumentLengthCheck(length, min, header) {
  if (length < min) {
    throw exception(header, `${min} argument${min !== 1 ? 's' : ''} required, ` +
      `but${length ? ' only' : ''} ${length} found.`);
  }
}
function isObject(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function');
}
function stringify(v) {
  if (typeof v === 'symbol') return v.description === undefined ? 'Symbol()' : `Symbol(${v.description})`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (isObject(v)) {
    try { return binding.inspect(v); } catch { return String(v); }
  }
  return String(v);
}
function toByteString(v, header, argument) {
  if (typeof v === 'symbol') {
    throw exception(header, `${argument} is a symbol, which cannot be converted to a ByteString.`);
  }
  const x = String(v);
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i);
    if (c > 255) {
      throw new TypeError('Cannot convert argument to a ByteString because the character at ' +
        `index ${i} has a value of ${c} which is greater than 255.`);
    }
  }
  return x;
}
function toUSVString(v) {
  if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  return `${v}`.toWellFormed();
}
function toDOMString(v) {
  if (typeof v === 'symbol') throw new TypeError('Cannot convert a Symbol value to a string');
  return String(v);
}
function isBufferSource(v) {
  return v instanceof ArrayBuffer || ArrayBuffer.isView(v) ||
    Object.prototype.toString.call(v) === '[object SharedArrayBuffer]';
}
function copyBytes(v) {
  if (ArrayBuffer.isView(v)) {
    return new Uint8Array(v.buffer.slice(v.byteOffset, v.byteOffset + v.byteLength));
  }
  return new Uint8Array(v.slice(0));
}

// ---- Headers

const tokenChar = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
function isValidHeaderName(name) {
  return tokenChar.test(name);
}
function isValidHeaderValue(value) {
  if (value.length > 0) {
    const first = value[0];
    const last = value[value.length - 1];
    if (first === ' ' || first === '\t' || last === ' ' || last === '\t') return false;
  }
  return !/[\0\r\n]/.test(value);
}
function normalizeValue(v) {
  return v.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

// The header list: a Map from lower-cased name to { name, value } in insertion order (the
// name as first appended), the set-cookie values kept apart, and the sorted view cached.
class HeadersList {
  constructor(from = undefined) {
    this.map = from ? new Map(from.map) : new Map();
    this.cookies = from?.cookies ? [...from.cookies] : null;
    this.sorted = null;
  }
  contains(name) { return this.map.has(name.toLowerCase()); }
  clear() { this.map.clear(); this.cookies = null; this.sorted = null; }
  append(name, value) {
    this.sorted = null;
    const lower = name.toLowerCase();
    const exists = this.map.get(lower);
    if (exists) {
      const delimiter = lower === 'cookie' ? '; ' : ', ';
      this.map.set(lower, { name: exists.name, value: `${exists.value}${delimiter}${value}` });
    } else {
      this.map.set(lower, { name, value });
    }
    if (lower === 'set-cookie') (this.cookies ??= []).push(value);
  }
  set(name, value) {
    this.sorted = null;
    const lower = name.toLowerCase();
    if (lower === 'set-cookie') this.cookies = [value];
    this.map.set(lower, { name, value });
  }
  delete(name) {
    this.sorted = null;
    const lower = name.toLowerCase();
    if (lower === 'set-cookie') this.cookies = null;
    this.map.delete(lower);
  }
  get(name) {
    return this.map.get(name.toLowerCase())?.value ?? null;
  }
  // What inspect shows: the names as given, values combined.
  entriesObject() {
    const o = {};
    for (const { name, value } of this.map.values()) o[name] = value;
    return o;
  }
  // What iteration shows: sorted lower-cased names, set-cookie values one by one.
  sortAndCombine() {
    if (this.sorted) return this.sorted;
    const names = [...this.map].map(([k, { value }]) => [k, value])
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    if (this.cookies === null || this.cookies.length === 1) return (this.sorted = names);
    const out = [];
    for (const [name, value] of names) {
      if (name === 'set-cookie') {
        for (const c of this.cookies) out.push([name, c]);
      } else {
        out.push([name, value]);
      }
    }
    return (this.sorted = out);
  }
  // The pairs as given (to copy into another Headers).
  entriesList() {
    const out = [];
    for (const [lower, { name, value }] of this.map) {
      if (lower === 'set-cookie') {
        for (const c of this.cookies) out.push([name, c]);
      } else {
        out.push([name, value]);
      }
    }
    return out;
  }
}

let headersListOf;
let headersGuardOf;
let setHeadersState;

function headersInit(v, header) {
  if (isObject(v)) {
    const iterator = v[Symbol.iterator];
    if (iterator === Headers.prototype.entries) {
      try { return headersListOf(v).entriesList(); } catch { /* fall through */ }
    }
    if (typeof iterator === 'function') {
      const it = iterator.call(v);
      if (it === undefined || it === null || typeof it.next !== 'function') {
        throw exception(header, 'init is not iterable.');
      }
      const seq = [];
      let index = 0;
      for (;;) {
        const { done, value } = it.next();
        if (done) break;
        const arg = `init[${index++}]`;
        if (!isObject(value)) throw exception(header, `${arg} (${stringify(value)}) is not iterable.`);
        const inner = value[Symbol.iterator]?.();
        if (inner === undefined || typeof inner.next !== 'function') {
          throw exception(header, `${arg} is not iterable.`);
        }
        const pair = [];
        let j = 0;
        for (;;) {
          const r = inner.next();
          if (r.done) break;
          pair.push(toByteString(r.value, header, `${arg}[${j++}]`));
        }
        seq.push(pair);
      }
      return seq;
    }
    const out = {};
    for (const key of Reflect.ownKeys(v)) {
      const desc = Reflect.getOwnPropertyDescriptor(v, key);
      if (desc?.enumerable) {
        out[toByteString(key, header, 'init')] = toByteString(v[key], header, 'init');
      }
    }
    return out;
  }
  throw exception(header, 'Argument 1 could not be converted to one of: ' +
    'sequence<sequence<ByteString>>, record<ByteString, ByteString>.');
}

function appendHeader(headers, name, value) {
  value = normalizeValue(value);
  if (!isValidHeaderName(name)) {
    throw exception('Headers.append', `"${name}" is an invalid header name.`);
  } else if (!isValidHeaderValue(value)) {
    throw exception('Headers.append', `"${value}" is an invalid header value.`);
  }
  if (headersGuardOf(headers) === 'immutable') throw new TypeError('immutable');
  headersListOf(headers).append(name, value);
}

function fillHeaders(headers, object) {
  if (Array.isArray(object)) {
    for (const pair of object) {
      if (pair.length !== 2) {
        throw exception('Headers constructor',
          `expected name/value pair to be length 2, found ${pair.length}.`);
      }
      appendHeader(headers, pair[0], pair[1]);
    }
  } else {
    for (const key of Object.keys(object)) appendHeader(headers, key, object[key]);
  }
}

class _Headers {
  #list;
  #guard;

  constructor(init = undefined) {
    if (init === kConstruct) return;
    this.#list = new HeadersList();
    this.#guard = 'none';
    if (init !== undefined) {
      fillHeaders(this, headersInit(init, 'Headers constructor'));
    }
  }

  static {
    headersListOf = (h) => {
      if (!(#list in h)) throw illegalInvocation();
      return h.#list;
    };
    headersGuardOf = (h) => h.#guard;
    setHeadersState = (h, list, guard) => { h.#list = list; h.#guard = guard; };
  }

  append(name, value) {
    if (!isObject(this) || !(#list in this)) throw illegalInvocation();
    argumentLengthCheck(arguments.length, 2, 'Headers.append');
    name = toByteString(name, 'Headers.append', 'name');
    value = toByteString(value, 'Headers.append', 'value');
    appendHeader(this, name, value);
  }

  delete(name) {
    if (!isObject(this) || !(#list in this)) throw illegalInvocation();
    argumentLengthCheck(arguments.length, 1, 'Headers.delete');
    name = toByteString(name, 'Headers.delete', 'name');
    if (!isValidHeaderName(name)) {
      throw exception('Headers.delete', `"${name}" is an invalid header name.`);
    }
    if (this.#guard === 'immutable') throw new TypeError('immutable');
    if (!this.#list.contains(name)) return;
    this.#list.delete(name);
  }

  get(name) {
    if (!isObject(this) || !(#list in this)) throw illegalInvocation();
    argumentLengthCheck(arguments.length, 1, 'Headers.get');
    name = toByteString(name, 'Headers.get', 'name');
    if (!isValidHeaderName(name)) {
      throw exception('Headers.get', `"${name}" is an invalid header name.`);
    }
    return this.#list.get(name);
  }

  has(name) {
    if (!isObject(this) || !(#list in this)) throw illegalInvocation();
    argumentLengthCheck(arguments.length, 1, 'Headers.has');
    name = toByteString(name, 'Headers.has', 'name');
    if (!isValidHeaderName(name)) {
      throw exception('Headers.has', `"${name}" is an invalid header name.`);
    }
    return this.#list.contains(name);
  }

  set(name, value) {
    if (!isObject(this) || !(#list in this)) throw illegalInvocation();
    argumentLengthCheck(arguments.length, 2, 'Headers.set');
    name = toByteString(name, 'Headers.set', 'name');
    value = normalizeValue(toByteString(value, 'Headers.set', 'value'));
    if (!isValidHeaderName(name)) {
      throw exception('Headers.set', `"${name}" is an invalid header name.`);
    } else if (!isValidHeaderValue(value)) {
      throw exception('Headers.set', `"${value}" is an invalid header value.`);
    }
    if (this.#guard === 'immutable') throw new TypeError('immutable');
    this.#list.set(name, value);
  }

  getSetCookie() {
    if (!isObject(this) || !(#list in this)) throw illegalInvocation();
    const list = this.#list.cookies;
    return list ? [...list] : [];
  }

  [inspectCustom](depth, options) {
    options.depth ??= depth;
    return `Headers ${binding.inspect(this.#list.entriesObject(), options)}`;
  }
}
const Headers = _Headers;
Object.defineProperty(Headers, 'name', { value: 'Headers' });

// WebIDL pair iterators (`Headers Iterator`, `FormData Iterator`): each next() reads the
// target's current pairs, so changes made while iterating are seen.
function iteratorMixin(name, klass, pairsOf) {
  class FastIterableIterator {
    #target;
    #kind;
    #index = 0;
    constructor(target, kind) {
      this.#target = target;
      this.#kind = kind;
    }
    next() {
      if (!isObject(this) || !(#target in this)) {
        throw new TypeError(
          `'next' called on an object that does not implement interface ${name} Iterator.`);
      }
      const index = this.#index;
      const values = pairsOf(this.#target);
      if (index >= values.length) return { value: undefined, done: true };
      const [key, value] = values[index];
      this.#index = index + 1;
      let result;
      if (this.#kind === 'key') result = key;
      else if (this.#kind === 'value') result = value;
      else result = [key, value];
      return { value: result, done: false };
    }
  }
  delete FastIterableIterator.prototype.constructor;
  Object.setPrototypeOf(FastIterableIterator.prototype, IteratorPrototype);
  Object.defineProperties(FastIterableIterator.prototype, {
    [Symbol.toStringTag]: {
      writable: false, enumerable: false, configurable: true, value: `${name} Iterator`,
    },
    next: { writable: true, enumerable: true, configurable: true },
  });
  const check = (self) => { pairsOf(self); };
  const methods = {
    keys() { check(this); return new FastIterableIterator(this, 'key'); },
    values() { check(this); return new FastIterableIterator(this, 'value'); },
    entries() { check(this); return new FastIterableIterator(this, 'key+value'); },
    forEach(callbackfn, thisArg = globalThis) {
      check(this);
      argumentLengthCheck(arguments.length, 1, `${name}.forEach`);
      if (typeof callbackfn !== 'function') {
        throw new TypeError(
          `Failed to execute 'forEach' on '${name}': parameter 1 is not of type 'Function'.`);
      }
      for (const [key, value] of new FastIterableIterator(this, 'key+value')) {
        callbackfn.call(thisArg, value, key, this);
      }
    },
  };
  const descs = {};
  for (const m of ['keys', 'values', 'entries', 'forEach']) {
    descs[m] = { writable: true, enumerable: true, configurable: true, value: methods[m] };
  }
  descs[Symbol.iterator] = {
    writable: true, enumerable: false, configurable: true, value: methods.entries,
  };
  Object.defineProperties(klass.prototype, descs);
}

iteratorMixin('Headers', Headers, (h) => headersListOf(h).sortAndCombine());
Object.defineProperties(Headers.prototype, {
  append: { enumerable: true },
  delete: { enumerable: true },
  get: { enumerable: true },
  has: { enumerable: true },
  set: { enumerable: true },
  getSetCookie: { enumerable: true },
  [Symbol.toStringTag]: { value: 'Headers', configurable: true },
  [inspectCustom]: { enumerable: false },
});

function newHeaders(list, guard) {
  const h = new Headers(kConstruct);
  setHeadersState(h, list, guard);
  return h;
}

// ---- FormData

let formDataState;

function makeEntry(name, value, filename) {
  if (typeof value !== 'string') {
    if (!(value instanceof File)) value = new File([value], 'blob', { type: value.type });
    if (filename !== undefined) {
      value = new File([value], filename, { type: value.type, lastModified: value.lastModified });
    }
  }
  return { name, value };
}

function formDataValue(args, header) {
  const [name, value, filename] = args;
  if (args.length === 3 && !isBlob(value)) {
    throw exception(header, `Expected value ("${stringify(value)}") to be an instance of Blob.`);
  }
  const n = toUSVString(name);
  const v = isBlob(value) ? value : toUSVString(value);
  const f = args.length === 3 ? toUSVString(filename) : undefined;
  return makeEntry(n, v, f);
}

class _FormData {
  #state = [];

  constructor(form = undefined) {
    if (form !== undefined) {
      throw exception('FormData constructor', 'Argument 1 could not be converted to: undefined.');
    }
  }

  static {
    formDataState = (fd) => {
      if (!isObject(fd) || !(#state in fd)) throw illegalInvocation();
      return fd.#state;
    };
  }

  append(name, value, filename = undefined) {
    const state = formDataState(this);
    const header = 'FormData.append';
    argumentLengthCheck(arguments.length, 2, header);
    state.push(formDataValue([...arguments].slice(0, 3), header));
  }

  delete(name) {
    const state = formDataState(this);
    argumentLengthCheck(arguments.length, 1, 'FormData.delete');
    name = toUSVString(name);
    this.#state = state.filter((e) => e.name !== name);
  }

  get(name) {
    const state = formDataState(this);
    argumentLengthCheck(arguments.length, 1, 'FormData.get');
    name = toUSVString(name);
    const i = state.findIndex((e) => e.name === name);
    return i === -1 ? null : state[i].value;
  }

  getAll(name) {
    const state = formDataState(this);
    argumentLengthCheck(arguments.length, 1, 'FormData.getAll');
    name = toUSVString(name);
    return state.filter((e) => e.name === name).map((e) => e.value);
  }

  has(name) {
    const state = formDataState(this);
    argumentLengthCheck(arguments.length, 1, 'FormData.has');
    name = toUSVString(name);
    return state.findIndex((e) => e.name === name) !== -1;
  }

  set(name, value, filename = undefined) {
    const state = formDataState(this);
    const header = 'FormData.set';
    argumentLengthCheck(arguments.length, 2, header);
    const entry = formDataValue([...arguments].slice(0, 3), header);
    const i = state.findIndex((e) => e.name === entry.name);
    if (i !== -1) {
      this.#state = [
        ...state.slice(0, i), entry, ...state.slice(i + 1).filter((e) => e.name !== entry.name),
      ];
    } else {
      state.push(entry);
    }
  }

  [inspectCustom](depth, options) {
    const o = { __proto__: null };
    for (const { name, value } of this.#state) {
      if (o[name]) {
        if (Array.isArray(o[name])) o[name].push(value);
        else o[name] = [o[name], value];
      } else {
        o[name] = value;
      }
    }
    options.depth ??= depth;
    const out = binding.inspect(o, options);
    return `FormData ${out.slice(out.indexOf(']') + 2)}`;
  }
}
const FormData = _FormData;
Object.defineProperty(FormData, 'name', { value: 'FormData' });
iteratorMixin('FormData', FormData,
  (fd) => formDataState(fd).map((e) => [e.name, e.value]));
Object.defineProperties(FormData.prototype, {
  append: { enumerable: true },
  delete: { enumerable: true },
  get: { enumerable: true },
  getAll: { enumerable: true },
  has: { enumerable: true },
  set: { enumerable: true },
  [Symbol.toStringTag]: { value: 'FormData', configurable: true },
  [inspectCustom]: { enumerable: false },
});

// ---- Bodies: { stream, source, length }

function isFormData(v) {
  try { formDataState(v); return true; } catch { return false; }
}

function bodyInit(v) {
  if (typeof v === 'string') return v;
  if (isObject(v) && (streams.isReadableStream(v) || isBlob(v) || isBufferSource(v) ||
      v instanceof URLSearchParams || isFormData(v) ||
      typeof v[Symbol.asyncIterator] === 'function')) {
    return v;
  }
  return toDOMString(v);
}

function byteStream(start) {
  let controller;
  const stream = new ReadableStream({
    start(c) { controller = c; start?.(c); },
    pull() {},
    cancel() {},
  }, { highWaterMark: 0 });
  streams.markByteStream(stream);
  return { stream, controller };
}

function closeStream(controller) {
  try { controller.close(); } catch { /* already closed or errored */ }
}

function multipart(fd) {
  const boundary = `----formdata-undici-0${`${Math.floor(Math.random() * 1e11)}`.padStart(11, '0')}`;
  const prefix = `--${boundary}\r\nContent-Disposition: form-data`;
  const escape = (s) => s.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
  const lines = (s) => s.replace(/\r?\n|\r/g, '\r\n');
  const parts = [];
  let length = 0;
  for (const [name, value] of fd) {
    if (typeof value === 'string') {
      const chunk = encode(`${prefix}; name="${escape(lines(name))}"\r\n\r\n${lines(value)}\r\n`);
      parts.push(chunk);
      length += chunk.byteLength;
    } else {
      const chunk = encode(`${prefix}; name="${escape(lines(name))}"` +
        (value.name ? `; filename="${escape(value.name)}"` : '') + '\r\n' +
        `Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`);
      parts.push(chunk, value, new Uint8Array([13, 10]));
      length += chunk.byteLength + value.size + 2;
    }
  }
  const end = encode(`--${boundary}--\r\n`);
  parts.push(end);
  length += end.byteLength;
  return { parts, length, type: `multipart/form-data; boundary=${boundary}` };
}

function extractBody(object, keepalive = false) {
  let stream = null;
  let controller = null;
  if (streams.isReadableStream(object)) {
    stream = object;
  } else if (isBlob(object)) {
    stream = object.stream();
    streams.markByteStream(stream);
  } else {
    ({ stream, controller } = byteStream());
  }
  let action = null;
  let source = null;
  let length = null;
  let type = null;
  if (typeof object === 'string') {
    source = object;
    type = 'text/plain;charset=UTF-8';
  } else if (object instanceof URLSearchParams) {
    source = object.toString();
    type = 'application/x-www-form-urlencoded;charset=UTF-8';
  } else if (isBufferSource(object)) {
    source = copyBytes(object);
  } else if (isFormData(object)) {
    const m = multipart(object);
    length = m.length;
    source = object;
    type = m.type;
    action = async function* () {
      for (const part of m.parts) {
        if (isBlob(part)) yield* part.stream();
        else yield part;
      }
    };
  } else if (isBlob(object)) {
    source = object;
    length = object.size;
    if (object.type) type = object.type;
  } else if (typeof object[Symbol.asyncIterator] === 'function') {
    if (keepalive) throw new TypeError('keepalive');
    if (streams.isReadableStream(object) &&
        (streams.isReadableStreamDisturbed(object) || object.locked)) {
      throw new TypeError('Response body object should not be disturbed or locked');
    }
    stream = streams.isReadableStream(object) ? object : ReadableStream.from(object);
  }
  if (typeof source === 'string' || source instanceof Uint8Array) {
    const bytes = typeof source === 'string' ? encode(source) : source;
    length = bytes.length;
    action = () => bytes;
  }
  if (action !== null) {
    (async () => {
      const result = action();
      const iterator = result?.[Symbol.asyncIterator]?.();
      if (iterator) {
        for await (const bytes of iterator) {
          if (streams.readableStreamState(stream) === 'errored') break;
          if (bytes.length) controller.enqueue(new Uint8Array(bytes));
        }
        queueMicrotask(() => closeStream(controller));
      } else {
        // Node's bytes reach the stream one job later than the constructor (and the close
        // one job after that).
        queueMicrotask(() => {
          if (result?.length && streams.readableStreamState(stream) !== 'errored') {
            controller.enqueue(new Uint8Array(result));
          }
          queueMicrotask(() => closeStream(controller));
        });
      }
    })();
  }
  return [{ stream, source, length }, type];
}

// Teeing a body stream as ReadableByteStreamTee does with a default reader (Node's bodies
// are byte streams, whose tee runs no process.nextTick).
function teeBody(stream) {
  const reader = stream.getReader();
  let reading = false;
  let readAgain1 = false;
  let readAgain2 = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let c1;
  let c2;
  let resolveCancel;
  const cancelPromise = new Promise((resolve) => { resolveCancel = resolve; });
  function pull(which) {
    if (reading) {
      if (which === 1) readAgain1 = true;
      else readAgain2 = true;
      return Promise.resolve();
    }
    reading = true;
    streams.readWithSteps(reader, (chunk) => {
      queueMicrotask(() => {
        readAgain1 = false;
        readAgain2 = false;
        let chunk2 = chunk;
        if (!canceled1 && !canceled2) chunk2 = new Uint8Array(chunk);
        if (!canceled1) c1.enqueue(chunk);
        if (!canceled2) c2.enqueue(chunk2);
        reading = false;
        if (readAgain1) pull(1);
        else if (readAgain2) pull(2);
      });
    }, () => {
      reading = false;
      if (!canceled1) closeStream(c1);
      if (!canceled2) closeStream(c2);
      if (!canceled1 || !canceled2) resolveCancel(undefined);
    }, () => {
      reading = false;
    });
    return Promise.resolve();
  }
  function cancel(which, reason) {
    if (which === 1) { canceled1 = true; reason1 = reason; } else { canceled2 = true; reason2 = reason; }
    if (canceled1 && canceled2) {
      resolveCancel(streams.readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelPromise;
  }
  const branch = (which) => {
    const s = new ReadableStream({
      start(c) { if (which === 1) c1 = c; else c2 = c; },
      pull() { return pull(which); },
      cancel(reason) { return cancel(which, reason); },
    }, { highWaterMark: 0 });
    streams.markByteStream(s);
    return s;
  };
  return [branch(1), branch(2)];
}

function cloneBody(body) {
  const [out1, out2] = teeBody(body.stream);
  body.stream = out1;
  return { stream: out2, length: body.length, source: body.source };
}

function bodyUnusable(state) {
  const body = state.body;
  return body != null &&
    (body.stream.locked || streams.isReadableStreamDisturbed(body.stream));
}

async function readAllBytes(reader, successSteps, failureSteps) {
  try {
    const chunks = [];
    let byteLength = 0;
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) {
        const out = new Uint8Array(byteLength);
        let offset = 0;
        for (const c of chunks) { out.set(c, offset); offset += c.length; }
        successSteps(out);
        return;
      }
      if (!(chunk instanceof Uint8Array)) {
        failureSteps(new TypeError('Received non-Uint8Array chunk'));
        return;
      }
      chunks.push(chunk);
      byteLength += chunk.length;
    }
  } catch (e) {
    failureSteps(e);
  }
}

// A MIME type as the Fetch Standard extracts it from a header list (the last valid one),
// or null.
function parseMime(s) {
  const m = /^[\t\n\r ]*([!#$%&'*+\-.^_`|~0-9A-Za-z]+)\/([!#$%&'*+\-.^_`|~0-9A-Za-z]+)[\t\n\r ]*(;.*)?$/s
    .exec(s);
  if (!m) return null;
  const type = m[1].toLowerCase();
  const subtype = m[2].toLowerCase();
  const params = new Map();
  for (const p of (m[3] ?? '').split(';').slice(1)) {
    const eq = p.indexOf('=');
    if (eq === -1) continue;
    const name = p.slice(0, eq).replace(/^[\t\n\r ]+/, '').toLowerCase();
    let value = p.slice(eq + 1);
    if (value.startsWith('"')) value = value.slice(1, value.indexOf('"', 1) === -1 ? undefined : value.indexOf('"', 1));
    else value = value.replace(/[\t\n\r ]+$/, '');
    if (name && value && tokenChar.test(name) && !params.has(name)) params.set(name, value);
  }
  return { type, subtype, essence: `${type}/${subtype}`, params };
}
function serializeMime(m) {
  let s = m.essence;
  for (const [name, value] of m.params) {
    s += `;${name}=${tokenChar.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`}`;
  }
  return s;
}
function bodyMimeType(state) {
  const value = state.headersList.get('content-type');
  if (value === null) return null;
  let mime = null;
  for (const v of value.split(',')) {
    const m = parseMime(v);
    if (m && m.essence !== '*/*') mime = m;
  }
  return mime;
}

function consumeBody(self, stateOf, convert) {
  let state;
  try {
    state = stateOf(self);
  } catch (e) {
    return Promise.reject(e);
  }
  if (bodyUnusable(state)) {
    return Promise.reject(new TypeError('Body is unusable: Body has already been read'));
  }
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  const successSteps = (data) => {
    try {
      resolve(convert(data, state));
    } catch (e) {
      reject(e);
    }
  };
  if (state.body == null) {
    successSteps(new Uint8Array(0));
    return promise;
  }
  try {
    const reader = state.body.stream.getReader();
    readAllBytes(reader, successSteps, reject);
  } catch (e) {
    reject(e);
  }
  return promise;
}

function bodyMixin(klass, stateOf) {
  const methods = {
    blob() {
      return consumeBody(this, stateOf, (bytes, state) => {
        const mime = bodyMimeType(state);
        return new Blob([bytes], { type: mime === null ? '' : serializeMime(mime) });
      });
    },
    arrayBuffer() {
      return consumeBody(this, stateOf, (bytes) => bytes.buffer);
    },
    text() {
      return consumeBody(this, stateOf, (bytes) => utf8Decode(bytes));
    },
    json() {
      return consumeBody(this, stateOf, (bytes) => JSON.parse(utf8Decode(bytes)));
    },
    formData() {
      return consumeBody(this, stateOf, (bytes, state) => {
        const mime = bodyMimeType(state);
        if (mime !== null && mime.essence === 'application/x-www-form-urlencoded') {
          const fd = new FormData();
          for (const [name, value] of new URLSearchParams(utf8Decode(bytes))) {
            fd.append(name, value);
          }
          return fd;
        }
        if (mime !== null && mime.essence === 'multipart/form-data') {
          return parseMultipart(bytes, mime);
        }
        throw new TypeError('Content-Type was not one of "multipart/form-data" or ' +
          '"application/x-www-form-urlencoded".');
      });
    },
    bytes() {
      return consumeBody(this, stateOf, (bytes) => bytes);
    },
  };
  for (const name of ['blob', 'arrayBuffer', 'text', 'json', 'formData', 'bytes']) {
    Object.defineProperty(klass.prototype, name, {
      value: methods[name], writable: true, enumerable: true, configurable: true,
    });
  }
}

// multipart/form-data, for bodies this module wrote (and simple others).
function parseMultipart(bytes, mime) {
  const boundary = mime.params.get('boundary');
  if (boundary === undefined) throw new TypeError('Failed to parse body as FormData.');
  const text = require('buffer').Buffer.from(bytes).toString('latin1');
  const fd = new FormData();
  const sections = text.split(`--${boundary}`);
  for (const section of sections.slice(1)) {
    if (section.startsWith('--')) break;
    const headEnd = section.indexOf('\r\n\r\n');
    if (headEnd === -1) throw new TypeError('Failed to parse body as FormData.');
    const head = section.slice(2, headEnd);
    const raw = section.slice(headEnd + 4, section.length - 2);
    const name = /name="([^"]*)"/.exec(head)?.[1];
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    const type = /content-type:\s*([^\r\n]*)/i.exec(head)?.[1];
    const data = Uint8Array.from(raw, (c) => c.charCodeAt(0));
    const decodedName = utf8Decode(Uint8Array.from(name ?? '', (c) => c.charCodeAt(0)));
    if (filename !== undefined) {
      fd.append(decodedName, new File([data], utf8Decode(
        Uint8Array.from(filename, (c) => c.charCodeAt(0))), { type: type ?? '' }));
    } else {
      fd.append(decodedName, utf8Decode(data));
    }
  }
  return fd;
}

function inspectProperties(name, properties, options) {
  if (options.depth === null) options.depth = 2;
  return `${name} ${binding.inspect(properties, options)}`;
}

// ---- Response

const nullBodyStatus = [101, 204, 205, 304];
const redirectStatus = [301, 302, 303, 307, 308];

function makeResponse(init = {}) {
  return {
    type: 'default',
    status: 200,
    statusText: '',
    urlList: [],
    body: null,
    headersList: new HeadersList(),
    ...init,
  };
}

function dictionary(v) {
  if (v != null && !isObject(v)) {
    throw exception('undefined', `Expected ${typeof v === 'symbol' ? 'Symbol()' : String(v)} to be one of: Null, Undefined, Object.`);
  }
  return v ?? {};
}

function toUnsignedShort(v) {
  let n = Number(v);
  if (!Number.isFinite(n)) return 0;
  n = Math.trunc(n) % 65536;
  return n < 0 ? n + 65536 : n;
}

function responseInit(init) {
  const d = dictionary(init);
  const out = {};
  if (d.headers !== undefined) out.headers = headersInit(d.headers, 'Headers constructor');
  out.status = d.status === undefined ? 200 : toUnsignedShort(d.status);
  out.statusText = d.statusText === undefined ? '' : toByteString(d.statusText, 'undefined', 'statusText');
  return out;
}

let responseState;
let newResponse;

function initializeResponse(state, headers, init, body) {
  if (init.status !== null && (init.status < 200 || init.status > 599)) {
    throw new RangeError('init["status"] must be in the range of 200 to 599, inclusive.');
  }
  if (init.statusText != null && /[^\t\x20-\x7e\x80-\xff]/.test(init.statusText)) {
    throw new TypeError('Invalid statusText');
  }
  if (init.status != null) state.status = init.status;
  if (init.statusText != null) state.statusText = init.statusText;
  if (init.headers != null) fillHeaders(headers, init.headers);
  if (body) {
    if (nullBodyStatus.includes(state.status)) {
      throw exception('Response constructor', `Invalid response status code ${state.status}`);
    }
    state.body = body.body;
    if (body.type != null && !state.headersList.contains('content-type')) {
      state.headersList.append('content-type', body.type);
    }
  }
}

class _Response {
  #state;
  #headers;

  static {
    responseState = (r) => {
      if (!isObject(r) || !(#state in r)) throw illegalInvocation();
      return r.#state;
    };
    newResponse = (state, guard) => {
      const r = new Response(kConstruct);
      r.#state = state;
      r.#headers = newHeaders(state.headersList, guard);
      return r;
    };
  }

  static error() {
    return newResponse(makeResponse({ type: 'error', status: 0 }), 'immutable');
  }

  static json(data, init = undefined) {
    argumentLengthCheck(arguments.length, 1, 'Response.json');
    if (init !== null) init = responseInit(init);
    const text = JSON.stringify(data);
    if (text === undefined) throw new TypeError('Value is not JSON serializable');
    const [body] = extractBody(encode(text));
    const r = newResponse(makeResponse(), 'response');
    initializeResponse(r.#state, r.#headers, init ?? { status: 200, statusText: '' },
      { body, type: 'application/json' });
    return r;
  }

  static redirect(url, status = 302) {
    argumentLengthCheck(arguments.length, 1, 'Response.redirect');
    url = toUSVString(url);
    status = toUnsignedShort(status);
    let parsed;
    try {
      parsed = new URL(url);
    } catch (err) {
      throw new TypeError(`Failed to parse URL from ${url}`, { cause: err });
    }
    if (!redirectStatus.includes(status)) throw new RangeError(`Invalid status code ${status}`);
    const r = newResponse(makeResponse({ status }), 'immutable');
    r.#state.headersList.append('location', parsed.href);
    return r;
  }

  constructor(body = null, init = undefined) {
    if (body === kConstruct) return;
    if (body !== null) body = bodyInit(body);
    init = responseInit(init);
    this.#state = makeResponse();
    this.#headers = newHeaders(this.#state.headersList, 'response');
    let bodyWithType = null;
    if (body != null) {
      const [extracted, type] = extractBody(body);
      bodyWithType = { body: extracted, type };
    }
    initializeResponse(this.#state, this.#headers, init, bodyWithType);
  }

  get type() { return responseState(this).type; }

  get url() {
    const list = responseState(this).urlList;
    const url = list[list.length - 1];
    if (url === undefined) return '';
    const u = new URL(url);
    u.hash = '';
    return u.href;
  }

  get redirected() { return responseState(this).urlList.length > 1; }
  get status() { return responseState(this).status; }

  get ok() {
    const { status } = responseState(this);
    return status >= 200 && status <= 299;
  }

  get statusText() { return responseState(this).statusText; }
  get headers() { responseState(this); return this.#headers; }

  get body() {
    const state = responseState(this);
    return state.body ? state.body.stream : null;
  }

  get bodyUsed() {
    const state = responseState(this);
    return !!state.body && streams.isReadableStreamDisturbed(state.body.stream);
  }

  clone() {
    const state = responseState(this);
    if (bodyUnusable(state)) {
      throw exception('Response.clone', 'Body has already been consumed.');
    }
    const copy = {
      ...state,
      urlList: [...state.urlList],
      headersList: new HeadersList(state.headersList),
      body: state.body == null ? null : cloneBody(state.body),
    };
    return newResponse(copy, headersGuardOf(this.#headers));
  }

  [inspectCustom](depth, options) {
    return inspectProperties('Response', {
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      body: this.body,
      bodyUsed: this.bodyUsed,
      ok: this.ok,
      redirected: this.redirected,
      type: this.type,
      url: this.url,
    }, options);
  }
}
const Response = _Response;
Object.defineProperty(Response, 'name', { value: 'Response' });
bodyMixin(Response, responseState);
Object.defineProperties(Response.prototype, {
  type: { enumerable: true },
  url: { enumerable: true },
  status: { enumerable: true },
  ok: { enumerable: true },
  redirected: { enumerable: true },
  statusText: { enumerable: true },
  headers: { enumerable: true },
  body: { enumerable: true },
  bodyUsed: { enumerable: true },
  clone: { enumerable: true },
  [Symbol.toStringTag]: { value: 'Response', configurable: true },
  [inspectCustom]: { enumerable: false },
});
Object.defineProperties(Response, {
  json: { enumerable: true },
  redirect: { enumerable: true },
  error: { enumerable: true },
});

// ---- Request

const normalizedMethods = {
  __proto__: null,
  DELETE: 'DELETE', GET: 'GET', HEAD: 'HEAD', OPTIONS: 'OPTIONS', POST: 'POST', PUT: 'PUT',
  PATCH: 'PATCH',
};
const forbiddenMethods = ['CONNECT', 'TRACE', 'TRACK'];
const requestEnums = {
  cache: ['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'],
  credentials: ['omit', 'same-origin', 'include'],
  duplex: ['half'],
  mode: ['navigate', 'same-origin', 'no-cors', 'cors'],
  priority: ['high', 'low', 'auto'],
  redirect: ['follow', 'error', 'manual'],
  referrerPolicy: ['', 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin',
    'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin',
    'unsafe-url'],
};
let patchWarned = false;

// RequestInit, its members converted in lexicographical order as WebIDL does.
function requestInit(v) {
  const d = dictionary(v);
  const out = {};
  const keys = ['body', 'cache', 'credentials', 'dispatcher', 'duplex', 'headers', 'integrity',
    'keepalive', 'method', 'mode', 'priority', 'redirect', 'referrer', 'referrerPolicy',
    'signal', 'window'];
  for (const key of keys) {
    let value = d[key];
    if (value === undefined) continue;
    if (key === 'body') {
      value = value === null ? null : bodyInit(value);
    } else if (key === 'headers') {
      value = headersInit(value, 'Headers constructor');
    } else if (key === 'keepalive') {
      value = Boolean(value);
    } else if (key === 'method') {
      value = toByteString(value, 'RequestInit', 'method');
    } else if (key === 'integrity') {
      value = toDOMString(value);
    } else if (key === 'referrer') {
      value = toUSVString(value);
    } else if (key === 'signal') {
      if (value !== null && !(value instanceof AbortSignal)) {
        throw exception('RequestInit',
          `Expected signal ("${stringify(value)}") to be an instance of AbortSignal.`);
      }
    } else if (requestEnums[key]) {
      value = toDOMString(value);
      if (!requestEnums[key].includes(value)) {
        throw exception('undefined', `${value} is not an accepted type. ` +
          `Expected one of ${requestEnums[key].join(', ')}.`);
      }
    }
    out[key] = value;
  }
  return out;
}

let requestState;
let AbortController;
let AbortSignal;

function followSignal(signal) {
  const ac = new AbortController();
  if (signal != null) {
    if (signal.aborted) {
      ac.abort(signal.reason);
    } else {
      signal.addEventListener('abort', () => ac.abort(signal.reason), { once: true });
    }
  }
  return ac.signal;
}

class _Request {
  #state;
  #headers;
  #signal;

  static {
    requestState = (r) => {
      if (!isObject(r) || !(#state in r)) throw illegalInvocation();
      return r.#state;
    };
  }

  constructor(input, init = undefined) {
    if (input === kConstruct) return;
    const prefix = 'Request constructor';
    argumentLengthCheck(arguments.length, 1, prefix);
    ({ AbortController, AbortSignal } = require('internal/abort_controller'));
    const inputIsRequest = isObject(input) && #state in input;
    if (!inputIsRequest) input = toUSVString(input);
    init = requestInit(init);
    let request;
    let fallbackMode = null;
    let signal = null;
    if (typeof input === 'string') {
      let parsed;
      try {
        parsed = new URL(input);
      } catch (err) {
        throw new TypeError(`Failed to parse URL from ${input}`, { cause: err });
      }
      if (parsed.username || parsed.password) {
        throw new TypeError(
          `Request cannot be constructed from a URL that includes credentials: ${input}`);
      }
      request = makeRequest({ urlList: [parsed.href] });
      fallbackMode = 'cors';
    } else {
      request = input.#state;
      signal = input.#signal;
    }
    if (init.window != null) throw new TypeError(`'window' option '${init.window}' must be null`);
    request = makeRequest({
      ...request,
      headersList: request.headersList,
      urlList: [...request.urlList],
      body: null,
    });
    const initHasKey = Object.keys(init).length !== 0;
    if (initHasKey) {
      if (request.mode === 'navigate') request.mode = 'same-origin';
      request.referrer = 'client';
      request.referrerPolicy = '';
      request.urlList = [request.urlList[request.urlList.length - 1]];
    }
    if (init.referrer !== undefined) {
      if (init.referrer === '') {
        request.referrer = 'no-referrer';
      } else {
        let parsed;
        try {
          parsed = new URL(init.referrer);
        } catch (err) {
          throw new TypeError(`Referrer "${init.referrer}" is not a valid URL.`, { cause: err });
        }
        request.referrer = parsed.protocol === 'about:' && parsed.pathname === 'client' ?
          'client' : parsed.href;
      }
    }
    if (init.referrerPolicy !== undefined) request.referrerPolicy = init.referrerPolicy;
    const mode = init.mode !== undefined ? init.mode : fallbackMode;
    if (mode === 'navigate') throw exception(prefix, 'invalid request mode navigate.');
    if (mode != null) request.mode = mode;
    if (init.credentials !== undefined) request.credentials = init.credentials;
    if (init.cache !== undefined) request.cache = init.cache;
    if (request.cache === 'only-if-cached' && request.mode !== 'same-origin') {
      throw new TypeError("'only-if-cached' can be set only with 'same-origin' mode");
    }
    if (init.redirect !== undefined) request.redirect = init.redirect;
    if (init.integrity != null) request.integrity = String(init.integrity);
    if (init.keepalive !== undefined) request.keepalive = Boolean(init.keepalive);
    if (init.method !== undefined) {
      let method = init.method;
      if (normalizedMethods[method] !== undefined) {
        request.method = method;
      } else {
        if (!tokenChar.test(method)) throw new TypeError(`'${method}' is not a valid HTTP method.`);
        const upper = method.toUpperCase();
        if (forbiddenMethods.includes(upper)) {
          throw new TypeError(`'${method}' HTTP method is unsupported.`);
        }
        method = upper in normalizedMethods && upper !== 'PATCH' ? upper : method;
        request.method = method;
      }
      if (!patchWarned && request.method === 'patch') {
        process.emitWarning('Using `patch` is highly likely to result in a `405 Method Not ' +
          'Allowed`. `PATCH` is much more likely to succeed.', { code: 'UNDICI-FETCH-patch' });
        patchWarned = true;
      }
    }
    if (init.signal !== undefined) signal = init.signal;
    this.#state = request;
    this.#signal = followSignal(signal);
    let guard = 'request';
    if (mode === 'no-cors') {
      if (!['GET', 'HEAD', 'POST'].includes(request.method)) {
        throw new TypeError(`'${request.method} is unsupported in no-cors mode.`);
      }
      guard = 'request-no-cors';
    }
    this.#headers = newHeaders(request.headersList, guard);
    if (initHasKey) {
      const list = request.headersList;
      const headers = init.headers !== undefined ? init.headers : new HeadersList(list);
      request.headersList = new HeadersList();
      setHeadersState(this.#headers, request.headersList, guard);
      if (headers instanceof HeadersList) {
        for (const { name, value } of headers.map.values()) {
          request.headersList.append(name, value);
        }
        request.headersList.cookies = headers.cookies;
      } else {
        fillHeaders(this.#headers, headers);
      }
    } else {
      request.headersList = new HeadersList(request.headersList);
      setHeadersState(this.#headers, request.headersList, guard);
    }
    const inputBody = inputIsRequest ? input.#state.body : null;
    if ((init.body != null || inputBody != null) &&
        (request.method === 'GET' || request.method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    let initBody = null;
    if (init.body != null) {
      const [extracted, contentType] = extractBody(init.body, request.keepalive);
      initBody = extracted;
      if (contentType && !request.headersList.contains('content-type')) {
        request.headersList.append('content-type', contentType);
      }
    }
    const body = initBody ?? inputBody;
    if (body != null && body.source == null) {
      if (initBody != null && init.duplex == null) {
        throw new TypeError('RequestInit: duplex option is required when sending a body.');
      }
      if (request.mode !== 'same-origin' && request.mode !== 'cors') {
        throw new TypeError(
          'If request is made from ReadableStream, mode should be "same-origin" or "cors"');
      }
    }
    let finalBody = body;
    if (initBody == null && inputBody != null) {
      if (bodyUnusable(input.#state)) {
        throw new TypeError(
          'Cannot construct a Request with a Request object that has already been used.');
      }
      const { TransformStream } = webstreams;
      const identity = new TransformStream();
      inputBody.stream.pipeThrough(identity);
      streams.markByteStream(identity.readable);
      finalBody = { source: inputBody.source, length: inputBody.length, stream: identity.readable };
    }
    this.#state.body = finalBody;
  }

  get method() { return requestState(this).method; }
  get url() { return requestState(this).urlList[0]; }
  get headers() { requestState(this); return this.#headers; }
  get destination() { requestState(this); return ''; }

  get referrer() {
    const { referrer } = requestState(this);
    if (referrer === 'no-referrer') return '';
    if (referrer === 'client') return 'about:client';
    return referrer;
  }

  get referrerPolicy() { return requestState(this).referrerPolicy; }
  get mode() { return requestState(this).mode; }
  get credentials() { return requestState(this).credentials; }
  get cache() { return requestState(this).cache; }
  get redirect() { return requestState(this).redirect; }
  get integrity() { return requestState(this).integrity; }
  get keepalive() { return requestState(this).keepalive; }
  get isReloadNavigation() { requestState(this); return false; }
  get isHistoryNavigation() { requestState(this); return false; }
  get signal() { requestState(this); return this.#signal; }

  get body() {
    const state = requestState(this);
    return state.body ? state.body.stream : null;
  }

  get bodyUsed() {
    const state = requestState(this);
    return !!state.body && streams.isReadableStreamDisturbed(state.body.stream);
  }

  get duplex() { requestState(this); return 'half'; }

  clone() {
    const state = requestState(this);
    if (bodyUnusable(state)) {
      throw exception('Request.clone', 'Body has already been consumed.');
    }
    const copy = {
      ...state,
      urlList: [...state.urlList],
      headersList: new HeadersList(state.headersList),
      body: state.body == null ? null : cloneBody(state.body),
    };
    const r = new Request(kConstruct);
    r.#state = copy;
    r.#headers = newHeaders(copy.headersList, headersGuardOf(this.#headers));
    r.#signal = followSignal(this.#signal);
    return r;
  }

  [inspectCustom](depth, options) {
    return inspectProperties('Request', {
      method: this.method,
      url: this.url,
      headers: this.headers,
      destination: this.destination,
      referrer: this.referrer,
      referrerPolicy: this.referrerPolicy,
      mode: this.mode,
      credentials: this.credentials,
      cache: this.cache,
      redirect: this.redirect,
      integrity: this.integrity,
      keepalive: this.keepalive,
      isReloadNavigation: this.isReloadNavigation,
      isHistoryNavigation: this.isHistoryNavigation,
      signal: this.signal,
    }, options);
  }
}
const Request = _Request;
Object.defineProperty(Request, 'name', { value: 'Request' });

function makeRequest(init) {
  return {
    method: 'GET',
    headersList: new HeadersList(),
    referrer: 'client',
    referrerPolicy: '',
    mode: 'no-cors',
    credentials: 'same-origin',
    cache: 'default',
    redirect: 'follow',
    integrity: '',
    keepalive: false,
    urlList: [],
    body: null,
    ...init,
  };
}

bodyMixin(Request, requestState);
{
  const descs = {};
  for (const name of ['method', 'url', 'headers', 'redirect', 'clone', 'signal', 'duplex',
    'destination', 'body', 'bodyUsed', 'isHistoryNavigation', 'isReloadNavigation',
    'keepalive', 'integrity', 'cache', 'credentials', 'attribute', 'referrerPolicy',
    'referrer', 'mode']) {
    descs[name] = { enumerable: true, configurable: true };
  }
  // undici lists an `attribute` member that does not exist: Node has it, undefined.
  descs.attribute = { value: undefined, writable: false, enumerable: true, configurable: false };
  descs[Symbol.toStringTag] = { value: 'Request', configurable: true };
  descs[inspectCustom] = { enumerable: false };
  Object.defineProperties(Request.prototype, descs);
}

module.exports = { Headers, Request, Response, FormData };
