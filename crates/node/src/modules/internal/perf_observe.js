'use strict';
// PerformanceObserver and PerformanceObserverEntryList of Node 24's
// lib/internal/perf/observe.js. The timeline is native (crates/node/src/performance.rs):
// once this module is loaded, `performance.mark()`/`measure()` hand each new entry to
// `enqueue` (binding.setPerfEnqueue) before buffering it, as Node's do. Observers are
// called from one setImmediate per batch, with the entries sorted by startTime.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
  nodeError,
  invalidThis,
  validateFunction,
  validateObject,
} = require('internal/errors');
const { inspect } = binding;
const kInspect = Symbol.for('nodejs.util.inspect.custom');

const kBuffer = Symbol('kBuffer');
const kDispatch = Symbol('kDispatch');
const kMaybeBuffer = Symbol('kMaybeBuffer');
const kSkipThrow = Symbol('kSkipThrow');

const kTypeSingle = 0;
const kTypeMultiple = 1;

const kSupportedEntryTypes = Object.freeze([
  'dns',
  'function',
  'gc',
  'http',
  'http2',
  'mark',
  'measure',
  'net',
  'quic',
  'resource',
]);

const kObservers = new Set();
const kPending = new Set();
let isPending = false;

function illegalConstructor() {
  return nodeError('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
}

function queuePending() {
  if (isPending) return;
  isPending = true;
  setImmediate(() => {
    isPending = false;
    const pendings = Array.from(kPending.values());
    kPending.clear();
    for (const pending of pendings) pending[kDispatch]();
  });
}

const performanceObserverSorter = (first, second) => first.startTime - second.startTime;

function validateThisInternalField(object, fieldKey, className) {
  if (typeof object !== 'object' || object === null || !(fieldKey in object)) {
    throw invalidThis(className);
  }
}

const kEnumerableProperty = { __proto__: null, enumerable: true };

class PerformanceObserverEntryList {
  constructor(skipThrowSymbol = undefined, entries = []) {
    if (skipThrowSymbol !== kSkipThrow) {
      throw illegalConstructor();
    }
    this[kBuffer] = entries.sort(performanceObserverSorter);
  }

  getEntries() {
    validateThisInternalField(this, kBuffer, 'PerformanceObserverEntryList');
    return this[kBuffer].slice();
  }

  getEntriesByType(type) {
    validateThisInternalField(this, kBuffer, 'PerformanceObserverEntryList');
    if (arguments.length === 0) {
      throw new ERR_MISSING_ARGS('type');
    }
    type = `${type}`;
    return this[kBuffer].filter((entry) => entry.entryType === type);
  }

  getEntriesByName(name, type = undefined) {
    validateThisInternalField(this, kBuffer, 'PerformanceObserverEntryList');
    if (arguments.length === 0) {
      throw new ERR_MISSING_ARGS('name');
    }
    name = `${name}`;
    if (type != null) {
      return this[kBuffer].filter((entry) => entry.name === name && entry.entryType === type);
    }
    return this[kBuffer].filter((entry) => entry.name === name);
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };
    return `PerformanceObserverEntryList ${inspect(this[kBuffer], opts)}`;
  }
}
Object.defineProperties(PerformanceObserverEntryList.prototype, {
  getEntries: kEnumerableProperty,
  getEntriesByType: kEnumerableProperty,
  getEntriesByName: kEnumerableProperty,
  [Symbol.toStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'PerformanceObserverEntryList',
  },
});

class PerformanceObserver {
  #buffer = [];
  #entryTypes = new Set();
  #type;
  #callback;

  constructor(callback) {
    validateFunction(callback, 'callback');
    this.#callback = callback;
  }

  observe(options = {}) {
    validateObject(options, 'options');
    const {
      entryTypes,
      type,
      buffered,
    } = { ...options };
    if (entryTypes === undefined && type === undefined)
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    if (entryTypes != null && type != null)
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
        'options.entryTypes can not set with options.type together');

    switch (this.#type) {
      case undefined:
        if (entryTypes !== undefined) this.#type = kTypeMultiple;
        if (type !== undefined) this.#type = kTypeSingle;
        break;
      case kTypeSingle:
        if (entryTypes !== undefined)
          throw new DOMException('PerformanceObserver can not change to multiple observations',
            'InvalidModificationError');
        break;
      case kTypeMultiple:
        if (type !== undefined)
          throw new DOMException('PerformanceObserver can not change to single observation',
            'InvalidModificationError');
        break;
    }

    if (this.#type === kTypeMultiple) {
      if (!Array.isArray(entryTypes)) {
        throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]', entryTypes);
      }
      this.#entryTypes.clear();
      for (let n = 0; n < entryTypes.length; n++) {
        if (kSupportedEntryTypes.includes(entryTypes[n])) {
          this.#entryTypes.add(entryTypes[n]);
        }
      }
    } else {
      if (!kSupportedEntryTypes.includes(type))
        return;
      this.#entryTypes.add(type);
      if (buffered) {
        const entries = performance.getEntriesByType(type);
        this.#buffer.push(...entries);
        kPending.add(this);
        if (kPending.size)
          queuePending();
      }
    }

    if (this.#entryTypes.size)
      kObservers.add(this);
    else
      this.disconnect();
  }

  disconnect() {
    kObservers.delete(this);
    kPending.delete(this);
    this.#buffer = [];
    this.#entryTypes.clear();
    this.#type = undefined;
  }

  takeRecords() {
    const list = this.#buffer;
    this.#buffer = [];
    return list;
  }

  static get supportedEntryTypes() {
    return kSupportedEntryTypes;
  }

  [kMaybeBuffer](entry) {
    if (!this.#entryTypes.has(entry.entryType))
      return;
    this.#buffer.push(entry);
    kPending.add(this);
    if (kPending.size)
      queuePending();
  }

  [kDispatch]() {
    const entryList = new PerformanceObserverEntryList(kSkipThrow, this.takeRecords());
    this.#callback(entryList, this);
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };
    return `PerformanceObserver ${inspect({
      connected: kObservers.has(this),
      pending: kPending.has(this),
      entryTypes: Array.from(this.#entryTypes),
      buffer: this.#buffer,
    }, opts)}`;
  }
}
Object.defineProperties(PerformanceObserver.prototype, {
  observe: kEnumerableProperty,
  disconnect: kEnumerableProperty,
  takeRecords: kEnumerableProperty,
  [Symbol.toStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'PerformanceObserver',
  },
});

// https://www.w3.org/TR/performance-timeline/#dfn-queue-a-performanceentry
function enqueue(entry) {
  for (const obs of kObservers) {
    obs[kMaybeBuffer](entry);
  }
}
binding.setPerfEnqueue(enqueue);

module.exports = {
  PerformanceObserver,
  PerformanceObserverEntryList,
};
