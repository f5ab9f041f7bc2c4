// node:assert — AssertionError (code 'ERR_ASSERTION') and the assertion functions, with
// Node v20's messages for the simple cases (lib/assert.js, lib/internal/assert/assertion_error.js).
'use strict';
const util = require('util');
const { isDeepEqual, isPartialDeepStrictEqual } = require('internal/util/comparisons');

const kReadableOperator = {
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  partialDeepStrictEqual: 'Expected values to be partially and strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};
const kMaxShortLength = 12;

function inspectValue(val) {
  return binding.inspect(val, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

// Node 24's line diff (internal/assert/myers_diff, shared with util.diff).
const { myersDiff, kInsert, kDelete, kNop } = require('internal/assert/myers_diff');
const kNopLinesToCollapse = 5;

// printMyersDiff without colors: runs of more than five unchanged lines collapse to `...`.
function printMyersDiff(diff) {
  let message = '';
  let skipped = false;
  let nopCount = 0;
  for (let diffIdx = diff.length - 1; diffIdx >= 0; diffIdx--) {
    const [operation, value] = diff[diffIdx];
    const previousOperation = diffIdx < diff.length - 1 ? diff[diffIdx + 1][0] : null;
    if (previousOperation === kNop && operation !== previousOperation) {
      if (nopCount === kNopLinesToCollapse + 1) {
        message += `  ${diff[diffIdx + 1][1]}\n`;
      } else if (nopCount === kNopLinesToCollapse + 2) {
        message += `  ${diff[diffIdx + 2][1]}\n`;
        message += `  ${diff[diffIdx + 1][1]}\n`;
      } else if (nopCount >= kNopLinesToCollapse + 3) {
        message += '...\n';
        message += `  ${diff[diffIdx + 1][1]}\n`;
        skipped = true;
      }
      nopCount = 0;
    }
    if (operation === kInsert) {
      message += `+ ${value}\n`;
    } else if (operation === kDelete) {
      message += `- ${value}\n`;
    } else {
      if (nopCount < kNopLinesToCollapse) message += `  ${value}\n`;
      nopCount++;
    }
  }
  return { message: `\n${message.trimEnd()}`, skipped };
}

function getStackedDiff(actual, expected) {
  const isStringComparison = typeof actual === 'string' && typeof expected === 'string';
  let message = `\n+ ${actual}\n- ${expected}`;
  const stringsLen = actual.length + expected.length;
  const maxTerminalLength = process.stderr.isTTY ? process.stderr.columns : 80;
  if (isStringComparison && stringsLen <= maxTerminalLength) {
    let indicatorIdx = -1;
    for (let i = 0; i < actual.length; i++) {
      if (actual[i] !== expected[i]) {
        // The first characters (and the quote) show the difference already.
        if (i >= 3) indicatorIdx = i;
        break;
      }
    }
    if (indicatorIdx !== -1) message += `\n${' '.repeat(indicatorIdx + 2)}^`;
  }
  return { message };
}

function getSimpleDiff(originalActual, actual, originalExpected, expected) {
  let stringsLen = actual.length + expected.length;
  if (typeof originalActual === 'string') stringsLen -= 2;
  if (typeof originalExpected === 'string') stringsLen -= 2;
  if (stringsLen <= kMaxShortLength && (originalActual !== 0 || originalExpected !== 0)) {
    return { message: `${actual} !== ${expected}`, header: '' };
  }
  return getStackedDiff(actual, expected);
}

function isSimpleDiff(actual, inspectedActual, expected, inspectedExpected) {
  if (inspectedActual.length > 1 || inspectedExpected.length > 1) return false;
  return typeof actual !== 'object' || actual === null || typeof expected !== 'object' || expected === null;
}

// lib/internal/assert/assertion_error.js's createErrDiff (Node 24).
function createErrDiff(actual, expected, operator, customMessage) {
  if (operator === 'strictEqual' &&
      ((typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  let skipped = false;
  let message = '';
  const inspectedActual = inspectValue(actual);
  const inspectedExpected = inspectValue(expected);
  const inspectedSplitActual = inspectedActual.split('\n');
  const inspectedSplitExpected = inspectedExpected.split('\n');
  let header = '+ actual - expected';
  if (isSimpleDiff(actual, inspectedSplitActual, expected, inspectedSplitExpected)) {
    const simpleDiff = getSimpleDiff(actual, inspectedSplitActual[0], expected, inspectedSplitExpected[0]);
    message = simpleDiff.message;
    if (simpleDiff.header !== undefined) header = simpleDiff.header;
  } else if (inspectedActual === inspectedExpected) {
    operator = 'notIdentical';
    if (inspectedSplitActual.length > 50) {
      message = `${inspectedSplitActual.slice(0, 50).join('\n')}\n...}`;
      skipped = true;
    } else {
      message = inspectedSplitActual.join('\n');
    }
    header = '';
  } else {
    const checkCommaDisparity = actual != null && typeof actual === 'object';
    const diff = myersDiff(inspectedSplitActual, inspectedSplitExpected, checkCommaDisparity);
    const printed = printMyersDiff(diff);
    message = printed.message;
    if (printed.skipped) skipped = true;
  }
  const headerMessage = `${customMessage || kReadableOperator[operator]}\n${header}`;
  const skippedMessage = skipped ? '\n... Skipped lines' : '';
  return `${headerMessage}${skippedMessage}\n${message}\n`;
}

class AssertionError extends Error {
  constructor(options) {
    if (typeof options !== 'object' || options === null) {
      throw binding.invalidArgType('options', 'of type object', options);
    }
    const { message, operator, stackStartFn, details, diff = 'simple' } = options;
    let { actual, expected } = options;
    if (message != null) {
      if (operator === 'deepStrictEqual' || operator === 'strictEqual' || operator === 'partialDeepStrictEqual') {
        super(createErrDiff(actual, expected, operator, String(message)));
      } else {
        super(String(message));
      }
    } else if (operator === 'deepStrictEqual' || operator === 'strictEqual' || operator === 'partialDeepStrictEqual') {
      super(createErrDiff(actual, expected, operator));
    } else if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
      let base = kReadableOperator[operator];
      const res = inspectValue(actual).split('\n');
      if (operator === 'notStrictEqual' &&
          ((typeof actual === 'object' && actual !== null) || typeof actual === 'function')) {
        base = kReadableOperator.notStrictEqualObject;
      }
      if (res.length === 1) super(`${base}${res[0].length > 5 ? '\n\n' : ' '}${res[0]}`);
      else super(`${base}\n\n${res.join('\n')}\n`);
    } else {
      let res = inspectValue(actual);
      let other = inspectValue(expected);
      const knownOperator = kReadableOperator[operator];
      if (operator === 'notDeepEqual' && res === other) {
        res = `${knownOperator}\n\n${res}`;
        super(res);
      } else {
        if (operator === 'deepEqual') {
          res = `${knownOperator}\n\n${res}\n\nshould loosely deep-equal\n\n`;
        } else {
          const newOp = kReadableOperator[`${operator}Unequal`];
          if (newOp) res = `${newOp}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
          else other = ` ${operator} ${other}`;
        }
        super(`${res}${other}`);
      }
    }
    this.generatedMessage = !message;
    Object.defineProperty(this, 'name', { value: 'AssertionError [ERR_ASSERTION]', enumerable: false, writable: true, configurable: true });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    // The stack names the code (`AssertionError [ERR_ASSERTION]: ...`) and, as
    // Error.captureStackTrace(this, stackStartFn) does, shows no frames of this module.
    if (typeof this.stack === 'string') {
      const lines = this.stack.split('\n');
      const first = lines.findIndex((l) => l.startsWith('    at '));
      const head = first < 0 ? lines : lines.slice(0, first);
      const frames = first < 0 ? [] : lines.slice(first).filter((l) => !l.includes('(node:') && !l.includes(' node:'));
      head[0] = head[0].replace(/^Error/, 'AssertionError [ERR_ASSERTION]');
      Object.defineProperty(this, 'stack', { value: [...head, ...frames].join('\n'), enumerable: false, writable: true, configurable: true });
    }
    this.name = 'AssertionError';
    // Node 24: how the message's diff was made ('simple', or 'full' from an Assert's options).
    this.diff = diff;
    void stackStartFn;
  }
  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

function innerOk(fn, argLen, value, message) {
  if (!value) {
    let generatedMessage = false;
    if (argLen === 0) {
      generatedMessage = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generatedMessage = true;
      const src = binding.callSite();
      message = src ? `The expression evaluated to a falsy value:\n\n  ${src}\n` : 'The expression evaluated to a falsy value';
    } else if (message instanceof Error) {
      throw message;
    }
    const err = new AssertionError({ actual: value, expected: true, message, operator: '==', stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function ok(...args) {
  innerOk(ok, args.length, ...args);
}
const assert = function assert(...args) {
  innerOk(assert, args.length, ...args);
};
assert.ok = ok;
assert.AssertionError = AssertionError;

assert.fail = function fail(actual, expected, message, operator, stackStartFn) {
  const argsLen = arguments.length;
  let internalMessage = false;
  if (actual == null && argsLen <= 1) {
    internalMessage = true;
    message = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (argsLen === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const errArgs = { actual, expected, operator: operator === undefined ? 'fail' : operator, stackStartFn: stackStartFn || fail, message };
  const err = new AssertionError(errArgs);
  if (internalMessage) err.generatedMessage = true;
  throw err;
};

assert.equal = function equal(actual, expected, message) {
  if (!(actual == expected || (Number.isNaN(actual) && Number.isNaN(expected)))) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
};
assert.notEqual = function notEqual(actual, expected, message) {
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
};
assert.deepEqual = function deepEqual(actual, expected, message) {
  if (!isDeepEqual(actual, expected, false)) {
    innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  }
};
assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  if (isDeepEqual(actual, expected, false)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
};
assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
  if (!isDeepEqual(actual, expected, true)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
  }
};
assert.notDeepStrictEqual = function notDeepStrictEqual(actual, expected, message) {
  if (isDeepEqual(actual, expected, true)) {
    innerFail({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
  }
};
// Node 24: `expected` may leave keys, array elements, Set members and Map entries out.
assert.partialDeepStrictEqual = function partialDeepStrictEqual(actual, expected, message) {
  if (arguments.length < 2) throw new (require('internal/errors').codes.ERR_MISSING_ARGS)('actual', 'expected');
  if (!isPartialDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'partialDeepStrictEqual', stackStartFn: partialDeepStrictEqual });
  }
};
assert.strictEqual = function strictEqual(actual, expected, message) {
  if (!Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  }
};
assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  if (Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
  }
};

const NO_EXCEPTION = Symbol('no exception');
function getActual(fn) {
  if (typeof fn !== 'function') throw binding.invalidArgType('fn', 'of type function', fn);
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!util.types.isPromise(resultPromise) &&
        !(resultPromise !== null && typeof resultPromise === 'object' && typeof resultPromise.then === 'function')) {
      throw binding.invalidArgType('promiseFn', 'of type function or an instance of Promise', resultPromise);
    }
  } else if (util.types.isPromise(promiseFn) ||
             (promiseFn !== null && typeof promiseFn === 'object' && typeof promiseFn.then === 'function')) {
    resultPromise = promiseFn;
  } else {
    throw binding.invalidArgType('promiseFn', 'of type function or an instance of Promise', promiseFn);
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION;
}

function expectedException(actual, expected, message, fn) {
  if (typeof expected === 'function') {
    if (expected.prototype !== undefined && actual instanceof expected) return;
    if (Error.isPrototypeOf(expected) || expected === Error) {
      const err = new AssertionError({
        actual, expected, operator: fn.name, stackStartFn: fn,
        message: message || `The error is expected to be an instance of "${expected.name}". Received "${actual && actual.constructor && actual.constructor.name}"\n\nError message:\n\n${actual && actual.message}`,
      });
      err.generatedMessage = !message;
      throw err;
    }
    const res = Reflect.apply(expected, {}, [actual]);
    if (res !== true) {
      const err = new AssertionError({
        actual, expected, operator: fn.name, stackStartFn: fn,
        message: message || `The ${expected.name ? `"${expected.name}" validation function` : 'validation function'} is expected to return "true". Received ${binding.inspect(res)}\n\nCaught error:\n\n${actual}`,
      });
      err.generatedMessage = !message;
      throw err;
    }
    return;
  }
  if (binding.kindOf(expected) === 'regexp') {
    const str = String(actual);
    if (expected.exec(str) !== null) return;
    const err = new AssertionError({
      actual, expected, operator: fn.name, stackStartFn: fn,
      message: message || `The input did not match the regular expression ${binding.inspect(expected)}. Input:\n\n${binding.inspect(str)}\n`,
    });
    err.generatedMessage = !message;
    throw err;
  }
  if (typeof expected === 'object' && expected !== null) {
    const keys = Object.keys(expected);
    if (expected instanceof Error) keys.push('name', 'message');
    for (const key of keys) {
      if (typeof actual[key] === 'string' && binding.kindOf(expected[key]) === 'regexp' &&
          expected[key].exec(actual[key]) !== null) {
        continue;
      }
      if (!(key in actual) || !isDeepEqual(actual[key], expected[key], true)) {
        const a = {}, b = {};
        for (const k of keys) {
          if (k in actual) a[k] = actual[k];
          b[k] = expected[k];
        }
        const err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: fn, message });
        err.actual = actual;
        err.expected = expected;
        err.operator = fn.name;
        throw err;
      }
    }
    return;
  }
  throw binding.invalidArgType('expected', 'of type function or an instance of Error, RegExp, or Object', expected);
}

function expectsError(stackStartFn, actual, error, message) {
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (actual === NO_EXCEPTION) {
    let details = '';
    if (error && error.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const fnType = stackStartFn === assert.rejects ? 'rejection' : 'exception';
    innerFail({ actual: undefined, expected: error, operator: stackStartFn.name, message: `Missing expected ${fnType}${details}`, stackStartFn });
  }
  if (!error) return;
  expectedException(actual, error, message, stackStartFn);
}

function expectsNoError(stackStartFn, actual, error, message) {
  if (actual === NO_EXCEPTION) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  const fnType = stackStartFn === assert.doesNotReject ? 'rejection' : 'exception';
  const details = message ? `: ${message}` : '.';
  innerFail({
    actual, expected: error, operator: stackStartFn.name,
    message: `Got unwanted ${fnType}${details}\nActual message: "${actual && actual.message}"`,
    stackStartFn,
  });
}

assert.throws = function throws(promiseFn, ...args) {
  expectsError(throws, getActual(promiseFn), ...args);
};
assert.rejects = async function rejects(promiseFn, ...args) {
  expectsError(rejects, await waitForActual(promiseFn), ...args);
};
assert.doesNotThrow = function doesNotThrow(fn, ...args) {
  expectsNoError(doesNotThrow, getActual(fn), ...args);
};
assert.doesNotReject = async function doesNotReject(fn, ...args) {
  expectsNoError(doesNotReject, await waitForActual(fn), ...args);
};
assert.ifError = function ifError(err) {
  if (err !== null && err !== undefined) {
    let message = 'ifError got unwanted exception: ';
    message += typeof err === 'object' && typeof err.message === 'string' ? (err.message.length === 0 && err.constructor ? err.constructor.name : err.message) : binding.inspect(err);
    const newErr = new AssertionError({ actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError });
    newErr.generatedMessage = false;
    throw newErr;
  }
};
assert.match = function match(string, regexp, message) {
  if (binding.kindOf(regexp) !== 'regexp') throw binding.invalidArgType('regexp', 'an instance of RegExp', regexp);
  if (typeof string !== 'string' || regexp.exec(string) === null) {
    if (message instanceof Error) throw message;
    const generatedMessage = !message;
    message = message || (typeof string !== 'string' ?
      `The "string" argument must be of type string. Received type ${typeof string} (${binding.inspect(string)})` :
      `The input did not match the regular expression ${binding.inspect(regexp)}. Input:\n\n${binding.inspect(string)}\n`);
    const err = new AssertionError({ actual: string, expected: regexp, message, operator: 'match', stackStartFn: match });
    err.generatedMessage = generatedMessage;
    throw err;
  }
};

assert.doesNotMatch = function doesNotMatch(string, regexp, message) {
  if (binding.kindOf(regexp) !== 'regexp') throw binding.invalidArgType('regexp', 'an instance of RegExp', regexp);
  if (typeof string !== 'string' || regexp.exec(string) !== null) {
    if (message instanceof Error) throw message;
    const generatedMessage = !message;
    message = message || (typeof string !== 'string' ?
      `The "string" argument must be of type string. Received type ${typeof string} (${binding.inspect(string)})` :
      `The input was expected to not match the regular expression ${binding.inspect(regexp)}. Input:\n\n${binding.inspect(string)}\n`);
    const err = new AssertionError({ actual: string, expected: regexp, message, operator: 'doesNotMatch', stackStartFn: doesNotMatch });
    err.generatedMessage = generatedMessage;
    throw err;
  }
};

function strict(...args) {
  innerOk(strict, args.length, ...args);
}
assert.strict = Object.assign(strict, assert, {
  equal: assert.strictEqual,
  deepEqual: assert.deepStrictEqual,
  notEqual: assert.notStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});
assert.strict.strict = assert.strict;
module.exports = assert;
