'use strict';
// Deep equality as Node's lib/internal/util/comparisons.js (strict, loose and partial modes):
// util.isDeepStrictEqual and node:assert's deep comparisons.

const typedArrayNames = ['Uint8Array', 'Uint8ClampedArray', 'Uint16Array', 'Uint32Array',
  'Int8Array', 'Int16Array', 'Int32Array', 'Float16Array', 'Float32Array', 'Float64Array',
  'BigInt64Array', 'BigUint64Array'];
const isTypedArray = (v) => typedArrayNames.includes(binding.kindOf(v));

const objToString = (v) => Object.prototype.toString.call(v);
// `strict` is true, false, or kSkipPrototype (strict, prototypes not compared:
// util.isDeepStrictEqual(a, b, true)).
const kSkipPrototype = 2;
function isDeepEqual(a, b, strict, memo) {
  if (a === b) return a !== 0 || !strict || Object.is(a, b);
  if (strict) {
    if (typeof a !== 'object') return typeof a === 'number' && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (strict !== kSkipPrototype && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== 'object') {
      if (b === null || typeof b !== 'object') return a == b || (Number.isNaN(a) && Number.isNaN(b));
      return false;
    }
    if (b === null || typeof b !== 'object') return false;
  }
  if (objToString(a) !== objToString(b)) return false;
  const ka = binding.kindOf(a), kb = binding.kindOf(b);
  if (ka !== kb) return false;
  if (ka === 'array' && a.length !== b.length) return false;
  if (ka === 'date' && a.getTime() !== b.getTime()) return false;
  if (ka === 'regexp' && (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex)) return false;
  if (ka === 'error' && (a.message !== b.message || a.name !== b.name)) return false;
  if ((ka === 'number' || ka === 'string' || ka === 'boolean' || ka === 'bigint' || ka === 'symbol') &&
      !Object.is(a.valueOf(), b.valueOf())) return false;
  if (ka === 'weakmap' || ka === 'weakset' || ka === 'promise') return false;
  // Views compare their bytes (loosely, float arrays compare their elements with !==), and
  // buffers their contents, as Node's comparisons.js does.
  if (isTypedArray(a) || ka === 'dataview') {
    if (!strict && (ka === 'Float16Array' || ka === 'Float32Array' || ka === 'Float64Array')) {
      if (a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    } else if (!sameBytes(viewBytes(a), viewBytes(b))) {
      return false;
    }
  }
  if ((ka === 'arraybuffer' || ka === 'sharedarraybuffer') &&
      !sameBytes(new Uint8Array(a), new Uint8Array(b))) return false;
  return comparePair(memo, a, b, (memo) => {
    const keysA = ownKeys(a, strict, ka);
    const keysB = ownKeys(b, strict, kb);
    if (keysA.length !== keysB.length) return false;
    for (const k of keysA) {
      if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
      if (!isDeepEqual(a[k], b[k], strict, memo)) return false;
    }
    if (ka === 'set') return setEquiv(a, b, strict, memo);
    if (ka === 'map') return mapEquiv(a, b, strict, memo);
    return true;
  });
}

// The cycle check of both deep comparisons: a pair already being compared (a cycle) is
// equal only to the same pair; otherwise `compare` runs with the pair remembered.
function comparePair(memo, a, b, compare) {
  memo = memo || { a: [], b: [] };
  for (let i = 0; i < memo.a.length; i++) {
    if (memo.a[i] === a) return memo.b[i] === b;
  }
  memo.a.push(a);
  memo.b.push(b);
  try {
    return compare(memo);
  } finally {
    memo.a.pop();
    memo.b.pop();
  }
}

function viewBytes(v) {
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function sameBytes(x, y) {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

function ownKeys(o, strict, kind) {
  // A typed array's elements were compared as bytes: only its other keys are left.
  const keys = isTypedArray(o) ? Object.keys(o).slice(o.length) : Object.keys(o);
  if (strict) {
    for (const s of Object.getOwnPropertySymbols(o)) {
      if (Object.prototype.propertyIsEnumerable.call(o, s)) keys.push(s);
    }
  }
  if (kind === 'error') {
    for (const k of ['message', 'name']) {
      const i = keys.indexOf(k);
      if (i >= 0) keys.splice(i, 1);
    }
  }
  return keys;
}

function setEquiv(a, b, strict, memo) {
  if (a.size !== b.size) return false;
  const rest = [];
  for (const v of a) {
    if (typeof v === 'object' && v !== null) rest.push(v);
    else if (!b.has(v)) {
      if (strict) return false;
      rest.push(v);
    }
  }
  if (rest.length === 0) return true;
  const candidates = [...b].filter((v) => (typeof v === 'object' && v !== null) || !a.has(v));
  for (const v of rest) {
    const i = candidates.findIndex((c) => isDeepEqual(v, c, strict, memo));
    if (i < 0) return false;
    candidates.splice(i, 1);
  }
  return true;
}

function mapEquiv(a, b, strict, memo) {
  if (a.size !== b.size) return false;
  const rest = [];
  for (const [k, v] of a) {
    if (typeof k === 'object' && k !== null) rest.push([k, v]);
    else if (b.has(k) && isDeepEqual(v, b.get(k), strict, memo)) continue;
    else if (strict || !b.has(k)) {
      if (strict) return false;
      rest.push([k, v]);
    } else return false;
  }
  if (rest.length === 0) return true;
  const candidates = [...b].filter(([k]) => (typeof k === 'object' && k !== null) || !a.has(k));
  for (const [k, v] of rest) {
    const i = candidates.findIndex(([ck, cv]) => isDeepEqual(k, ck, strict, memo) && isDeepEqual(v, cv, strict, memo));
    if (i < 0) return false;
    candidates.splice(i, 1);
  }
  return true;
}

// assert.partialDeepStrictEqual's comparison (Node 24's comparisons.js, kPartial mode):
// `expected` (b) may leave things out. Its keys must be in `actual` (a) with equal values; its
// array elements, and a typed array's bytes, must appear in `actual` in order; its Set members
// and Map entries must be in `actual`. Prototypes are not compared.
const isObjectLike = (v) => typeof v === 'object' && v !== null;
function enumerableKeys(o, kind) {
  const keys = kind === 'array' || isTypedArray(o)
    ? Object.keys(o).filter((k) => !(String(k >>> 0) === k && (k >>> 0) !== 4294967295))
    : Object.keys(o);
  for (const s of Object.getOwnPropertySymbols(o)) {
    if (Object.prototype.propertyIsEnumerable.call(o, s)) keys.push(s);
  }
  return keys;
}
function hasOwn(o, k) {
  return Object.prototype.hasOwnProperty.call(o, k);
}
function isPartialBytes(a, b) {
  if (a.length < b.length) return false;
  let ia = 0;
  for (let ib = 0; ib < b.length; ib++) {
    while (a[ia] !== b[ib]) {
      ia++;
      if (ia > a.length - b.length + ib) return false;
    }
    ia++;
  }
  return true;
}
function partialArrayEquiv(a, b, memo) {
  const keysA = Object.keys(a).filter((k) => String(k >>> 0) === k);
  const keysB = Object.keys(b).filter((k) => String(k >>> 0) === k);
  let ia = 0;
  for (let ib = 0; ib < keysB.length; ib++) {
    while (ia < keysA.length && !isPartialDeepStrictEqual(a[keysA[ia]], b[keysB[ib]], memo)) ia++;
    if (ia >= keysA.length) return false;
    ia++;
  }
  return true;
}
function partialSetEquiv(a, b, memo) {
  const unused = [...a].filter(isObjectLike);
  for (const v of b) {
    if (!isObjectLike(v)) {
      if (!a.has(v)) return false;
    } else if (!a.has(v)) {
      const i = unused.findIndex((c) => isPartialDeepStrictEqual(c, v, memo));
      if (i < 0) return false;
      unused.splice(i, 1);
    }
  }
  return true;
}
function partialMapEquiv(a, b, memo) {
  const unused = [...a].filter(([k]) => isObjectLike(k));
  for (const [k, v] of b) {
    if (!isObjectLike(k) || a.has(k)) {
      if (!a.has(k) || !isPartialDeepStrictEqual(a.get(k), v, memo)) return false;
    } else {
      const i = unused.findIndex(([ck, cv]) => isPartialDeepStrictEqual(ck, k, memo) && isPartialDeepStrictEqual(cv, v, memo));
      if (i < 0) return false;
      unused.splice(i, 1);
    }
  }
  return true;
}
function partialErrorProp(a, b, prop, memo) {
  return Object.prototype.propertyIsEnumerable.call(b, prop) ||
    b[prop] === undefined || (prop === 'message' && b[prop] === '') ||
    isPartialDeepStrictEqual(a[prop], b[prop], memo);
}
function isPartialDeepStrictEqual(a, b, memo) {
  if (a === b) return a !== 0 || Object.is(a, b);
  if (typeof a === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (!isObjectLike(a) || !isObjectLike(b)) return false;
  const ka = binding.kindOf(a), kb = binding.kindOf(b);
  if (ka !== kb || objToString(a) !== objToString(b)) return false;
  if (a[Symbol.toStringTag] !== b[Symbol.toStringTag]) return false;
  if (ka === 'array' && a.length < b.length) return false;
  if ((ka === 'set' || ka === 'map') && a.size < b.size) return false;
  if (isTypedArray(a) || ka === 'dataview') {
    const x = viewBytes(a), y = viewBytes(b);
    if (!(x.length === y.length ? sameBytes(x, y) : isPartialBytes(x, y))) return false;
  }
  if (ka === 'arraybuffer' || ka === 'sharedarraybuffer') {
    const x = new Uint8Array(a), y = new Uint8Array(b);
    if (!(x.length === y.length ? sameBytes(x, y) : isPartialBytes(x, y))) return false;
  }
  if (ka === 'date') {
    const t1 = a.getTime(), t2 = b.getTime();
    if (t1 !== t2 && !(Number.isNaN(t1) && Number.isNaN(t2))) return false;
  }
  if (ka === 'regexp' && (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex)) return false;
  if ((ka === 'number' || ka === 'string' || ka === 'boolean' || ka === 'bigint' || ka === 'symbol') &&
      !Object.is(a.valueOf(), b.valueOf())) return false;
  if (ka === 'weakmap' || ka === 'weakset' || ka === 'promise') return false;
  return comparePair(memo, a, b, (memo) => {
    if (ka === 'error') {
      for (const prop of ['message', 'name', 'cause', 'errors']) {
        if (!partialErrorProp(a, b, prop, memo)) return false;
      }
      if (hasOwn(b, 'cause') && !hasOwn(a, 'cause')) return false;
    }
    for (const k of enumerableKeys(b, ka)) {
      const d = Object.getOwnPropertyDescriptor(a, k);
      if (d === undefined || d.enumerable !== true) return false;
      const value = d.writable !== undefined ? d.value : a[k];
      if (!isPartialDeepStrictEqual(value, b[k], memo)) return false;
    }
    if (ka === 'array') return partialArrayEquiv(a, b, memo);
    if (ka === 'set') return partialSetEquiv(a, b, memo);
    if (ka === 'map') return partialMapEquiv(a, b, memo);
    return true;
  });
}

function isDeepStrictEqual(a, b, skipPrototype) {
  return isDeepEqual(a, b, skipPrototype ? kSkipPrototype : true);
}

module.exports = { isDeepEqual, isDeepStrictEqual, isPartialDeepStrictEqual };
