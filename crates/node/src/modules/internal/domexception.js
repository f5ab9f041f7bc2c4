// node:internal/per_context/domexception — WebIDL's DOMException, after Node 24's
// lib/internal/per_context/domexception.js: a class whose prototype inherits from
// Error.prototype, with `name`/`message`/`code` as prototype getters over internal state and
// the legacy code constants on both the constructor and the prototype.
'use strict';

const internals = new WeakMap();
const nameToCode = new Map();

function invalidThis() {
  return require('internal/errors').nodeError(
    'TypeError', 'ERR_INVALID_THIS', 'Value of "this" must be of DOMException');
}

class DOMException {
  constructor(message = '', options = 'Error') {
    Error.captureStackTrace(this);
    if (options && typeof options === 'object') {
      const { name } = options;
      internals.set(this, { message: `${message}`, name: `${name}` });
      if ('cause' in options) {
        Object.defineProperty(this, 'cause', {
          value: options.cause,
          configurable: true,
          writable: true,
          enumerable: false,
        });
      }
    } else {
      internals.set(this, { message: `${message}`, name: `${options}` });
    }
  }

  get name() {
    const i = internals.get(this);
    if (i === undefined) throw invalidThis();
    return i.name;
  }

  get message() {
    const i = internals.get(this);
    if (i === undefined) throw invalidThis();
    return i.message;
  }

  get code() {
    const i = internals.get(this);
    if (i === undefined) throw invalidThis();
    const code = nameToCode.get(i.name);
    return code === undefined ? 0 : code;
  }
}

Object.setPrototypeOf(DOMException.prototype, Error.prototype);
Object.defineProperties(DOMException.prototype, {
  [Symbol.toStringTag]: { configurable: true, value: 'DOMException' },
  name: { enumerable: true, configurable: true },
  message: { enumerable: true, configurable: true },
  code: { enumerable: true, configurable: true },
});

for (const [name, codeName, value] of [
  ['IndexSizeError', 'INDEX_SIZE_ERR', 1],
  ['DOMStringSizeError', 'DOMSTRING_SIZE_ERR', 2],
  ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR', 3],
  ['WrongDocumentError', 'WRONG_DOCUMENT_ERR', 4],
  ['InvalidCharacterError', 'INVALID_CHARACTER_ERR', 5],
  ['NoDataAllowedError', 'NO_DATA_ALLOWED_ERR', 6],
  ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR', 7],
  ['NotFoundError', 'NOT_FOUND_ERR', 8],
  ['NotSupportedError', 'NOT_SUPPORTED_ERR', 9],
  ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR', 10],
  ['InvalidStateError', 'INVALID_STATE_ERR', 11],
  ['SyntaxError', 'SYNTAX_ERR', 12],
  ['InvalidModificationError', 'INVALID_MODIFICATION_ERR', 13],
  ['NamespaceError', 'NAMESPACE_ERR', 14],
  ['InvalidAccessError', 'INVALID_ACCESS_ERR', 15],
  ['ValidationError', 'VALIDATION_ERR', 16],
  ['TypeMismatchError', 'TYPE_MISMATCH_ERR', 17],
  ['SecurityError', 'SECURITY_ERR', 18],
  ['NetworkError', 'NETWORK_ERR', 19],
  ['AbortError', 'ABORT_ERR', 20],
  ['URLMismatchError', 'URL_MISMATCH_ERR', 21],
  ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR', 22],
  ['TimeoutError', 'TIMEOUT_ERR', 23],
  ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR', 24],
  ['DataCloneError', 'DATA_CLONE_ERR', 25],
]) {
  const desc = { enumerable: true, value };
  Object.defineProperty(DOMException, codeName, desc);
  Object.defineProperty(DOMException.prototype, codeName, desc);
  nameToCode.set(name, value);
}

// structuredClone's copy of a DOMException: same name, message and stack (no cause), as
// Node's [kDeserialize].
function cloneDOMException(e) {
  const i = internals.get(e);
  if (i === undefined) return undefined;
  const c = new DOMException(i.message, i.name);
  Object.defineProperty(c, 'stack', {
    value: e.stack,
    configurable: true,
    writable: true,
    enumerable: false,
  });
  return c;
}

module.exports = { DOMException, cloneDOMException };
