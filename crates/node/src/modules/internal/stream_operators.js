'use strict';
// The Readable stream operators of Node 24 (lib/internal/streams/operators.js): `map`,
// `filter`, `flatMap`, `drop`, `take` return a new Readable (the caller wraps the async
// generator made here with Readable.from); `forEach`, `toArray`, `some`, `every`, `find`,
// `reduce` return a promise. The timing matters, because learners print from inside the
// callbacks: `map` pulls the source with `for await` in a separate pump, keeps up to
// `concurrency` callbacks running and `highWaterMark` results queued, and yields results in
// source order — the same awaits, in the same order, as Node's, so the interleaving of
// output with other promise jobs matches.

const { AbortSignal, AbortController, AbortError } = require('internal/abort_controller');
const { kWeakHandler } = require('internal/event_target');
const { codes, validateFunction, validateInteger, validateObject, invalidArgType } =
  require('internal/errors');

const kEmpty = Symbol('kEmpty');
const kEof = Symbol('kEof');

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType(name, 'an instance of AbortSignal', signal);
  }
}

// The checks every operator makes of its `options` argument.
function validateOptions(options) {
  if (options != null) validateObject(options, 'options');
  if (options?.signal != null) validateAbortSignal(options.signal, 'options.signal');
}

function map(fn, options) {
  validateFunction(fn, 'fn');
  validateOptions(options);
  let concurrency = 1;
  if (options?.concurrency != null) concurrency = Math.floor(options.concurrency);
  let highWaterMark = concurrency - 1;
  if (options?.highWaterMark != null) highWaterMark = Math.floor(options.highWaterMark);
  validateInteger(concurrency, 'options.concurrency', 1);
  validateInteger(highWaterMark, 'options.highWaterMark', 0);
  highWaterMark += concurrency;

  return async function* map() {
    const signal = AbortSignal.any([options?.signal].filter(Boolean));
    const stream = this;
    // Results in source order: promises of the callbacks' values, then kEof.
    const queue = [];
    const signalOpt = { signal };
    let next; // wakes the consumer when the queue gains an entry
    let resume; // wakes the pump when there is room again
    let done = false;
    let running = 0;

    function maybeResume() {
      if (resume && !done && running < concurrency && queue.length < highWaterMark) {
        resume();
        resume = null;
      }
    }
    function afterItemProcessed() {
      running -= 1;
      maybeResume();
    }
    function onCatch() {
      done = true;
      afterItemProcessed();
    }
    function wakeConsumer() {
      if (next) {
        next();
        next = null;
      }
    }

    async function pump() {
      try {
        for await (let val of stream) {
          if (done) return;
          if (signal.aborted) throw new AbortError();
          try {
            val = fn(val, signalOpt);
            if (val === kEmpty) continue;
            val = Promise.resolve(val);
          } catch (err) {
            val = Promise.reject(err);
          }
          running += 1;
          val.then(afterItemProcessed, onCatch);
          queue.push(val);
          wakeConsumer();
          if (!done && (queue.length >= highWaterMark || running >= concurrency)) {
            await new Promise((resolve) => { resume = resolve; });
          }
        }
        queue.push(kEof);
      } catch (err) {
        const val = Promise.reject(err);
        val.then(afterItemProcessed, onCatch);
        queue.push(val);
      } finally {
        done = true;
        wakeConsumer();
      }
    }

    pump();

    try {
      while (true) {
        while (queue.length > 0) {
          const val = await queue[0];
          if (val === kEof) return;
          if (signal.aborted) throw new AbortError();
          if (val !== kEmpty) yield val;
          queue.shift();
          maybeResume();
        }
        await new Promise((resolve) => { next = resolve; });
      }
    } finally {
      done = true;
      if (resume) {
        resume();
        resume = null;
      }
    }
  }.call(this);
}

function filter(fn, options) {
  validateFunction(fn, 'fn');
  async function filterFn(value, options) {
    if (await fn(value, options)) return value;
    return kEmpty;
  }
  return map.call(this, filterFn, options);
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return async function* flatMap() {
    for await (const val of values) yield* val;
  }.call(this);
}

// ToIntegerOrInfinity as the iterator-helper proposal words it, with Node's range error.
function toIntegerOrInfinity(number) {
  number = Number(number);
  if (Number.isNaN(number)) return 0;
  if (number < 0) throw new codes.ERR_OUT_OF_RANGE('number', '>= 0', number);
  return number;
}

function drop(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  return async function* drop() {
    if (options?.signal?.aborted) throw new AbortError();
    for await (const val of this) {
      if (options?.signal?.aborted) throw new AbortError();
      if (number-- <= 0) yield val;
    }
  }.call(this);
}

function take(number, options = undefined) {
  validateOptions(options);
  number = toIntegerOrInfinity(number);
  return async function* take() {
    if (options?.signal?.aborted) throw new AbortError();
    for await (const val of this) {
      if (options?.signal?.aborted) throw new AbortError();
      if (number-- > 0) yield val;
      // Stop before pulling an item that would not be used.
      if (number <= 0) return;
    }
  }.call(this);
}

async function some(fn, options = undefined) {
  for await (const unused of filter.call(this, fn, options)) return true; // eslint-disable-line no-unused-vars
  return false;
}

async function every(fn, options = undefined) {
  validateFunction(fn, 'fn');
  return !(await some.call(this, async (...args) => !(await fn(...args)), options));
}

async function find(fn, options) {
  for await (const result of filter.call(this, fn, options)) return result;
  return undefined;
}

async function forEach(fn, options) {
  validateFunction(fn, 'fn');
  async function forEachFn(value, options) {
    await fn(value, options);
    return kEmpty;
  }
  for await (const unused of map.call(this, forEachFn, options)); // eslint-disable-line no-unused-vars
}

async function reduce(reducer, initialValue, options) {
  validateFunction(reducer, 'reducer');
  validateOptions(options);
  let hasInitialValue = arguments.length > 1;
  if (options?.signal?.aborted) {
    const err = new AbortError(undefined, { cause: options.signal.reason });
    this.once('error', () => {}); // the error is already propagated
    await require('stream').promises.finished(this.destroy(err));
    throw err;
  }
  const ac = new AbortController();
  const signal = ac.signal;
  if (options?.signal) {
    options.signal.addEventListener('abort', () => ac.abort(),
      { once: true, [kWeakHandler]: this });
  }
  let gotAnyItemFromStream = false;
  try {
    for await (const value of this) {
      gotAnyItemFromStream = true;
      if (options?.signal?.aborted) throw new AbortError();
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal });
      }
    }
    if (!gotAnyItemFromStream && !hasInitialValue) {
      const err = new codes.ERR_MISSING_ARGS('reduce');
      err.message = 'Reduce of an empty stream requires an initial value';
      throw err;
    }
  } finally {
    ac.abort();
  }
  return initialValue;
}

async function toArray(options) {
  validateOptions(options);
  const result = [];
  for await (const val of this) {
    if (options?.signal?.aborted) throw new AbortError(undefined, { cause: options.signal.reason });
    result.push(val);
  }
  return result;
}

module.exports = {
  streamReturningOperators: { drop, filter, flatMap, map, take },
  promiseReturningOperators: { every, forEach, reduce, toArray, some, find },
};
