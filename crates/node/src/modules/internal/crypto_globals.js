// node:internal/crypto_globals — the Web Crypto classes Node 24 has as globals (`Crypto`,
// `SubtleCrypto`, `CryptoKey`) but node:crypto does not export: the first two are the
// classes of `crypto` and `crypto.subtle` (node:crypto's `webcrypto`, `subtle`).
'use strict';

const { nodeError } = require('internal/errors');
const { ERR_INVALID_THIS } = require('internal/errors').codes;
const { webcrypto, subtle } = require('crypto');

// CryptoKey: the class of the keys SubtleCrypto makes (none here: only `digest` is
// implemented), a global in Node.
class CryptoKey {
  constructor() {
    throw nodeError('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
  }

  get type() {
    throw new ERR_INVALID_THIS('CryptoKey');
  }

  get extractable() {
    throw new ERR_INVALID_THIS('CryptoKey');
  }

  get algorithm() {
    throw new ERR_INVALID_THIS('CryptoKey');
  }

  get usages() {
    throw new ERR_INVALID_THIS('CryptoKey');
  }
}

Object.defineProperties(CryptoKey.prototype, {
  type: { enumerable: true },
  extractable: { enumerable: true },
  algorithm: { enumerable: true },
  usages: { enumerable: true },
  [Symbol.toStringTag]: { value: 'CryptoKey', configurable: true },
});

module.exports = {
  Crypto: webcrypto.constructor,
  SubtleCrypto: subtle.constructor,
  CryptoKey,
};
