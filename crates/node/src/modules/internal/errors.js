// node:internal/errors — Node's coded errors for the JavaScript core modules, with their
// stacks starting at the caller (no frame of these helpers or of `binding`), the header
// `TypeError [CODE]: message` as Node's NodeError formats it, and an own `code`.
'use strict';

const ctors = { TypeError, RangeError, Error, SyntaxError };

function make(ctor, code, message, cut) {
  const e = new (ctors[ctor] || Error)(message);
  Error.captureStackTrace(e, cut);
  const stack = e.stack;
  const colon = stack.indexOf(':');
  if (colon !== -1 && message !== '') {
    Object.defineProperty(e, 'stack', {
      value: `${stack.slice(0, colon)} [${code}]${stack.slice(colon)}`,
      writable: true,
      enumerable: false,
      configurable: true,
    });
  }
  e.code = code;
  return e;
}

// nodeError('TypeError', 'ERR_X', 'message')
function nodeError(ctor, code, message) {
  return make(ctor, code, message, nodeError);
}

// ERR_INVALID_ARG_TYPE, with Node's `Received ...` text.
function invalidArgType(name, expected, value) {
  const { message } = binding.invalidArgType(name, expected, value);
  return make('TypeError', 'ERR_INVALID_ARG_TYPE', message, invalidArgType);
}

// ERR_MISSING_ARGS for the named arguments.
function missingArgs(...names) {
  const quoted = names.map((n) => `"${n}"`);
  let list;
  if (quoted.length === 1) list = `The ${quoted[0]} argument`;
  else if (quoted.length === 2) list = `The ${quoted[0]} and ${quoted[1]} arguments`;
  else list = `The ${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]} arguments`;
  return make('TypeError', 'ERR_MISSING_ARGS', `${list} must be specified`, missingArgs);
}

// ERR_INVALID_THIS
function invalidThis(type) {
  return make('TypeError', 'ERR_INVALID_THIS', `Value of "this" must be of type ${type}`, invalidThis);
}

module.exports = { nodeError, invalidArgType, missingArgs, invalidThis };
