// node:internal/navigator — the `navigator` global as Node 24 has it
// (lib/internal/navigator.js): a Navigator whose getters report the CPU count, the default
// locale, `Node.js/<major>` and the platform.
'use strict';

const { nodeError } = require('internal/errors');
const kInitialize = Symbol('kInitialize');

function getNavigatorPlatform(process) {
  const arch = { x64: 'x86_64', ia32: 'x86', arm64: 'aarch64', arm: 'armv7l' }[process.arch] ??
    process.arch;
  switch (process.platform) {
    case 'darwin': return 'MacIntel';
    case 'win32': return 'Win32';
    case 'linux': return `Linux ${arch}`;
    case 'freebsd': return `FreeBSD ${arch}`;
    case 'openbsd': return `OpenBSD ${arch}`;
    default: return `${process.platform[0].toUpperCase()}${process.platform.slice(1)} ${arch}`;
  }
}

class Navigator {
  #languages;

  constructor(key = undefined) {
    if (key !== kInitialize) {
      throw nodeError('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    }
  }

  get hardwareConcurrency() {
    return binding.availableParallelism();
  }

  get language() {
    return 'en-US';
  }

  get languages() {
    this.#languages ??= Object.freeze([this.language]);
    return this.#languages;
  }

  get userAgent() {
    const v = process.version;
    return `Node.js/${v.slice(1, v.indexOf('.'))}`;
  }

  get platform() {
    return getNavigatorPlatform(process);
  }
}

Object.defineProperties(Navigator.prototype, {
  hardwareConcurrency: { enumerable: true },
  language: { enumerable: true },
  languages: { enumerable: true },
  userAgent: { enumerable: true },
  platform: { enumerable: true },
});

module.exports = {
  Navigator,
  navigator: new Navigator(kInitialize),
};
