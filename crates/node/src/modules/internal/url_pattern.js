// node:internal/url_pattern — the URLPattern global (Node 24 has it from ada). Parsing is
// native (`binding.urlPatternParse`, denoland's `urlpattern` crate); each component's
// regular expression is compiled here with the engine's RegExp, as Deno does.
'use strict';

const KEYS = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];

function invalidPattern(cut) {
  const e = new TypeError('Failed to construct URLPattern');
  Error.captureStackTrace(e, cut);
  e.code = 'ERR_INVALID_URL_PATTERN';
  return e;
}

function checkInput(input, name) {
  if (input !== null && typeof input === 'object') return input;
  if (typeof input === 'function' || typeof input === 'symbol') {
    throw require('internal/errors').invalidArgType(name, 'of type string or object', input);
  }
  return `${input}`;
}

class URLPattern {
  #components;
  #hasRegExpGroups;

  constructor(input = {}, baseURL = undefined, options = undefined) {
    if (baseURL !== null && typeof baseURL === 'object' && options === undefined) {
      options = baseURL;
      baseURL = undefined;
    }
    input = checkInput(input, 'input');
    if (baseURL !== undefined) baseURL = `${baseURL}`;
    const ignoreCase = Boolean(options?.ignoreCase);
    let parsed;
    try {
      parsed = binding.urlPatternParse(input, baseURL, ignoreCase);
    } catch {
      parsed = null;
    }
    if (parsed === null) throw invalidPattern(URLPattern);
    this.#hasRegExpGroups = parsed[0];
    const flags = ignoreCase ? 'ui' : 'u';
    this.#components = {};
    for (let i = 0; i < KEYS.length; i++) {
      const [pattern, source, names] = parsed[i + 1];
      let regexp;
      try {
        regexp = new RegExp(source, flags);
      } catch {
        throw invalidPattern(URLPattern);
      }
      this.#components[KEYS[i]] = { pattern, regexp, names };
    }
  }

  #match(input, baseURL, op) {
    let values;
    try {
      values = binding.urlPatternInput(input, baseURL);
    } catch {
      const e = new TypeError(`Failed to ${op} URLPattern`);
      e.code = 'ERR_OPERATION_FAILED';
      throw e;
    }
    if (values === null) return null;
    const result = { __proto__: null };
    for (let i = 0; i < KEYS.length; i++) {
      const { regexp, names } = this.#components[KEYS[i]];
      const m = regexp.exec(values[i]);
      if (m === null) return null;
      // Node (ada) lists the groups last to first.
      const groups = {};
      for (let g = names.length - 1; g >= 0; g--) groups[names[g]] = m[g + 1];
      result[KEYS[i]] = { groups, input: values[i] };
    }
    return result;
  }

  test(input = {}, baseURL = undefined) {
    input = checkInput(input, 'input');
    if (baseURL !== undefined) baseURL = `${baseURL}`;
    return this.#match(input, baseURL, 'test') !== null;
  }

  exec(input = {}, baseURL = undefined) {
    input = checkInput(input, 'input');
    if (baseURL !== undefined) baseURL = `${baseURL}`;
    const m = this.#match(input, baseURL, 'exec');
    if (m === null) return null;
    // Node's result lists its keys in alphabetical order.
    const result = { __proto__: null };
    const inputs = baseURL === undefined ? [input] : [input, baseURL];
    for (const k of ['hash', 'hostname', 'inputs', 'password', 'pathname', 'port', 'protocol',
      'search', 'username']) {
      result[k] = k === 'inputs' ? inputs : m[k];
    }
    return result;
  }

  get protocol() { return this.#components.protocol.pattern; }
  get username() { return this.#components.username.pattern; }
  get password() { return this.#components.password.pattern; }
  get hostname() { return this.#components.hostname.pattern; }
  get port() { return this.#components.port.pattern; }
  get pathname() { return this.#components.pathname.pattern; }
  get search() { return this.#components.search.pattern; }
  get hash() { return this.#components.hash.pattern; }
  get hasRegExpGroups() { return this.#hasRegExpGroups; }
}

// Node's property order (a C++ class: `constructor` last).
{
  const proto = URLPattern.prototype;
  const descs = Object.getOwnPropertyDescriptors(proto);
  for (const k of Reflect.ownKeys(descs)) delete proto[k];
  for (const k of [...KEYS, 'hasRegExpGroups', 'exec', 'test', 'constructor']) {
    Object.defineProperty(proto, k, descs[k]);
  }
  Object.defineProperty(proto, Symbol.toStringTag, { configurable: true, value: 'URLPattern' });
}

module.exports = { URLPattern };
