// node:internal/abort_controller — AbortController and AbortSignal as Node 24 has them
// (lib/internal/abort_controller.js). A signal is an EventTarget; aborting marks the signal
// and the composite signals that depend on it (AbortSignal.any) aborted first, then fires
// 'abort' on each. AbortSignal.timeout's timer is unref'd: it does not keep the process alive.
'use strict';

const {
  Event, EventTarget, defineEventHandler, kTrustEvent, kResistStopPropagation,
  kMaxEventTargetListeners,
} = require('internal/event_target');
const { DOMException } = require('internal/per_context/domexception');
const { nodeError, invalidArgType } = require('internal/errors');

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kTimeout = Symbol('kTimeout');
const kComposite = Symbol('kComposite');
const kSourceSignals = Symbol('kSourceSignals');
const kDependantSignals = Symbol('kDependantSignals');
const kDontThrowSymbol = Symbol('kDontThrowSymbol');

function customInspect(self, obj, depth, options) {
  if (depth < 0) return self;
  const opts = Object.assign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });
  return `${self.constructor.name} ${binding.inspect(obj, opts)}`;
}

function validateThisAbortSignal(obj) {
  if (obj?.[kAborted] === undefined) {
    throw nodeError('TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of type AbortSignal');
  }
}

function createAbortSignal(init = {}) {
  const { aborted = false, reason = undefined, composite = false } = init;
  const signal = new EventTarget();
  Object.setPrototypeOf(signal, AbortSignal.prototype);
  signal[kAborted] = aborted;
  signal[kReason] = reason;
  signal[kComposite] = composite;
  // Signals are shared by many operations: no listener-count warning (Node's 0).
  signal[kMaxEventTargetListeners] = 0;
  return signal;
}

function validateUint32(value, name) {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
  if (!Number.isInteger(value)) {
    throw nodeError('RangeError', 'ERR_OUT_OF_RANGE',
      `The value of "${name}" is out of range. It must be an integer. Received ${binding.inspect(value)}`);
  }
  if (value < 0 || value > 4294967295) {
    throw nodeError('RangeError', 'ERR_OUT_OF_RANGE',
      `The value of "${name}" is out of range. It must be >= 0 && <= 4294967295. Received ${addNumericalSeparator(value)}`);
  }
}

function addNumericalSeparator(val) {
  let res = '';
  let s = String(val);
  let i = s.length;
  const start = s[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${s.slice(i - 3, i)}${res}`;
  return `${s.slice(0, i)}${res}`;
}

class AbortSignal extends EventTarget {
  constructor(dontThrow = undefined) {
    if (dontThrow !== kDontThrowSymbol) {
      throw nodeError('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    }
    super();
    this[kMaxEventTargetListeners] = 0;
    this[kAborted] = false;
    this[kReason] = undefined;
    this[kComposite] = false;
  }

  get aborted() {
    validateThisAbortSignal(this);
    return !!this[kAborted];
  }

  get reason() {
    validateThisAbortSignal(this);
    return this[kReason];
  }

  throwIfAborted() {
    validateThisAbortSignal(this);
    if (this[kAborted]) throw this[kReason];
  }

  [inspectCustom](depth, options) {
    return customInspect(this, { aborted: this.aborted }, depth, options);
  }

  static abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    return createAbortSignal({ aborted: true, reason });
  }

  static timeout(delay) {
    validateUint32(delay, 'delay');
    const signal = createAbortSignal();
    signal[kTimeout] = true;
    const t = setTimeout(() => {
      abortSignal(signal, new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    t.unref();
    return signal;
  }

  static any(signals) {
    const resultSignal = createAbortSignal({ composite: true });
    if (!Array.isArray(signals)) {
      throw invalidArgType('signals', 'an instance of Array', signals);
    }
    for (let i = 0; i < signals.length; i++) {
      if (!(signals[i] instanceof AbortSignal) || signals[i]?.[kAborted] === undefined) {
        throw nodeError('TypeError', 'ERR_INVALID_ARG_TYPE',
          `signals[${i}] is not of type AbortSignal.`);
      }
    }
    if (!signals.length) return resultSignal;
    resultSignal[kSourceSignals] = new Set();
    for (const signal of signals) {
      if (signal.aborted) {
        resultSignal[kAborted] = true;
        resultSignal[kReason] = signal.reason;
        return resultSignal;
      }
    }
    for (const signal of signals) {
      if (!signal[kComposite]) {
        signal[kDependantSignals] ??= new Set();
        resultSignal[kSourceSignals].add(signal);
        signal[kDependantSignals].add(resultSignal);
      } else if (signal[kSourceSignals]) {
        for (const source of signal[kSourceSignals]) {
          source[kDependantSignals] ??= new Set();
          resultSignal[kSourceSignals].add(source);
          source[kDependantSignals].add(resultSignal);
        }
      }
    }
    return resultSignal;
  }
}

Object.defineProperties(AbortSignal.prototype, {
  aborted: { enumerable: true },
  reason: { enumerable: true },
  throwIfAborted: { enumerable: true },
});
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  writable: false, enumerable: false, configurable: true, value: 'AbortSignal',
});
defineEventHandler(AbortSignal.prototype, 'abort');

function runAbort(signal) {
  const event = new Event('abort', { [kTrustEvent]: true });
  signal.dispatchEvent(event);
}

function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const dependants = [];
  signal[kDependantSignals]?.forEach((s) => {
    if (s[kAborted]) return;
    s[kAborted] = true;
    s[kReason] = reason;
    dependants.push(s);
  });
  runAbort(signal);
  for (const s of dependants) runAbort(s);
}

class AbortController {
  #signal;

  get signal() {
    this.#signal ??= new AbortSignal(kDontThrowSymbol);
    return this.#signal;
  }

  abort(reason = new DOMException('This operation was aborted', 'AbortError')) {
    abortSignal(this.#signal ??= new AbortSignal(kDontThrowSymbol), reason);
  }

  [inspectCustom](depth, options) {
    return customInspect(this, { signal: this.signal }, depth, options);
  }
}

Object.defineProperties(AbortController.prototype, {
  signal: { enumerable: true },
  abort: { enumerable: true },
});
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  writable: false, enumerable: false, configurable: true, value: 'AbortController',
});

// Node's internal AbortError (lib/internal/errors.js), what promise APIs reject with.
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw invalidArgType('options', 'of type object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType(name, 'an instance of AbortSignal', signal);
  }
}

module.exports = {
  AbortController,
  AbortSignal,
  AbortError,
  abortSignal,
  validateAbortSignal,
  kResistStopPropagation,
};
