// node:internal/url — the WHATWG URL and URLSearchParams classes as Node 24 has them
// (lib/internal/url.js). Parsing and the setters are native (`binding.urlParse`/`urlSet`, on
// the `url` crate); a URL keeps its components in a private field, and its searchParams
// object is linked both ways (editing one updates the other).
'use strict';

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

const { nodeError, invalidArgType, missingArgs, invalidThis } = require('internal/errors');

// Node throws ERR_INVALID_URL from C++: a plain `TypeError: Invalid URL` with code and input.
function invalidUrl(input, base, cut) {
  const e = new TypeError('Invalid URL');
  Error.captureStackTrace(e, cut);
  e.code = 'ERR_INVALID_URL';
  e.input = input;
  if (base !== undefined) e.base = base;
  return e;
}
const toUSVString = (v) => `${v}`.toWellFormed();

const K = { href: 0, origin: 1, protocol: 2, username: 3, password: 4, host: 5, hostname: 6,
  port: 7, pathname: 8, search: 9, hash: 10 };

// Internal access to URLSearchParams's list and link (set below, inside the class).
let paramsList;
let setParamsList;
let linkParams;

class URL {
  #c;
  #searchParams;

  constructor(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    const c = binding.urlParse(input, base);
    if (c === null) throw invalidUrl(input, base, invalidUrl);
    this.#c = c;
  }

  static isURL(value) {
    return value != null && typeof value === 'object' && #c in value;
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    input = `${input}`;
    if (base !== undefined) base = `${base}`;
    if (binding.urlParse(input, base) === null) return null;
    return new URL(input, base);
  }

  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw missingArgs('url');
    url = `${url}`;
    if (base !== undefined) base = `${base}`;
    return binding.urlParse(url, base) !== null;
  }

  static createObjectURL() {
    throw nodeError('TypeError', 'ERR_INVALID_ARG_TYPE',
      'The "obj" argument must be an instance of Blob. Received undefined');
  }

  static revokeObjectURL() {}

  #check() {
    if (!(#c in this)) throw invalidThis('URL');
  }

  #set(name, value) {
    const c = binding.urlSet(this.#c[K.href], name, `${value}`);
    if (c === null) return false;
    const searchChanged = c[K.search] !== this.#c[K.search];
    this.#c = c;
    if (searchChanged && this.#searchParams) {
      setParamsList(this.#searchParams, binding.urlFormParse(c[K.search].slice(1)));
    }
    return true;
  }

  // From the linked URLSearchParams: the new query, without re-reading the params.
  static setSearchFromParams(url, serialized) {
    const c = binding.urlSet(url.#c[K.href], 'search', serialized);
    if (c !== null) url.#c = c;
    // An empty query removes the '?' (the URL Standard's "update steps").
    if (serialized === '' && url.#c[K.href].includes('?')) {
      const c2 = binding.urlSet(url.#c[K.href], 'search', '');
      if (c2 !== null) url.#c = c2;
    }
  }

  [inspectCustom](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    const constructor = this.constructor || URL;
    const obj = {
      href: this.href,
      origin: this.origin,
      protocol: this.protocol,
      username: this.username,
      password: this.password,
      host: this.host,
      hostname: this.hostname,
      port: this.port,
      pathname: this.pathname,
      search: this.search,
      searchParams: this.searchParams,
      hash: this.hash,
    };
    return `${constructor.name} ${binding.inspect(obj, opts)}`;
  }

  toString() {
    this.#check();
    return this.#c[K.href];
  }

  get href() {
    this.#check();
    return this.#c[K.href];
  }
  set href(value) {
    this.#check();
    value = `${value}`;
    if (!this.#set('href', value)) throw invalidUrl(value, undefined, invalidUrl);
  }
  get origin() {
    this.#check();
    return this.#c[K.origin];
  }
  get protocol() {
    this.#check();
    return this.#c[K.protocol];
  }
  set protocol(value) {
    this.#check();
    this.#set('protocol', value);
  }
  get username() {
    this.#check();
    return this.#c[K.username];
  }
  set username(value) {
    this.#check();
    this.#set('username', value);
  }
  get password() {
    this.#check();
    return this.#c[K.password];
  }
  set password(value) {
    this.#check();
    this.#set('password', value);
  }
  get host() {
    this.#check();
    return this.#c[K.host];
  }
  set host(value) {
    this.#check();
    this.#set('host', value);
  }
  get hostname() {
    this.#check();
    return this.#c[K.hostname];
  }
  set hostname(value) {
    this.#check();
    this.#set('hostname', value);
  }
  get port() {
    this.#check();
    return this.#c[K.port];
  }
  set port(value) {
    this.#check();
    this.#set('port', value);
  }
  get pathname() {
    this.#check();
    return this.#c[K.pathname];
  }
  set pathname(value) {
    this.#check();
    this.#set('pathname', value);
  }
  get search() {
    this.#check();
    return this.#c[K.search];
  }
  set search(value) {
    this.#check();
    this.#set('search', toUSVString(value));
  }
  get searchParams() {
    this.#check();
    if (this.#searchParams == null) {
      this.#searchParams = new URLSearchParams(this.#c[K.search]);
      linkParams(this.#searchParams, this);
    }
    return this.#searchParams;
  }
  get hash() {
    this.#check();
    return this.#c[K.hash];
  }
  set hash(value) {
    this.#check();
    this.#set('hash', value);
  }
  toJSON() {
    this.#check();
    return this.#c[K.href];
  }
}

const enumerable = { enumerable: true };
Object.defineProperties(URL.prototype, {
  [Symbol.toStringTag]: { configurable: true, value: 'URL' },
  toString: enumerable,
  href: enumerable,
  origin: enumerable,
  protocol: enumerable,
  username: enumerable,
  password: enumerable,
  host: enumerable,
  hostname: enumerable,
  port: enumerable,
  pathname: enumerable,
  search: enumerable,
  searchParams: enumerable,
  hash: enumerable,
  toJSON: enumerable,
});
const isURL = URL.isURL;
const setSearchFromParams = URL.setSearchFromParams;
delete URL.isURL;
delete URL.setSearchFromParams;
Object.defineProperties(URL, {
  canParse: enumerable,
  parse: enumerable,
  createObjectURL: enumerable,
  revokeObjectURL: enumerable,
});

const removeColors = (s) => s.replace(/\u001b\[\d\d?m/g, '');

class URLSearchParams {
  // The name/value list, flat: [name0, value0, name1, value1, ...].
  #list = [];
  // The URL this is the searchParams of, or null.
  #url = null;

  static {
    paramsList = (p) => p.#list;
    setParamsList = (p, list) => { p.#list = list; };
    linkParams = (p, url) => { p.#url = url; };
  }

  constructor(init = undefined) {
    if (init == null) {
      // An empty list.
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.slice();
      } else if (method != null) {
        if (typeof method !== 'function') {
          throw nodeError('TypeError', 'ERR_ARG_NOT_ITERABLE', 'Query pairs must be iterable');
        }
        for (const pair of init) {
          if (pair == null || (typeof pair !== 'object' && typeof pair !== 'function') ||
              typeof pair[Symbol.iterator] !== 'function') {
            throw nodeError('TypeError', 'ERR_INVALID_TUPLE',
              'Each query pair must be an iterable [name, value] tuple');
          }
          const converted = [];
          for (const element of pair) converted.push(toUSVString(element));
          if (converted.length !== 2) {
            throw nodeError('TypeError', 'ERR_INVALID_TUPLE',
              'Each query pair must be an iterable [name, value] tuple');
          }
          this.#list.push(converted[0], converted[1]);
        }
      } else {
        const visited = new Map();
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc !== undefined && desc.enumerable) {
            const typedKey = toUSVString(key);
            const typedValue = toUSVString(init[key]);
            const at = visited.get(typedKey);
            if (at !== undefined) {
              this.#list[at] = typedValue;
            } else {
              visited.set(typedKey, this.#list.push(typedKey, typedValue) - 1);
            }
          }
        }
      }
    } else {
      let s = toUSVString(init);
      if (s[0] === '?') s = s.slice(1);
      this.#list = binding.urlFormParse(s);
    }
  }

  #check() {
    if (!(#list in this)) throw invalidThis('URLSearchParams');
  }

  #update() {
    if (this.#url === null) return;
    setSearchFromParams(this.#url, this.toString());
  }

  [inspectCustom](recurseTimes, ctx) {
    this.#check();
    if (typeof recurseTimes === 'number' && recurseTimes < 0) {
      return ctx.stylize('[Object]', 'special');
    }
    const separator = ', ';
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const innerInspect = (v) => binding.inspect(v, innerOpts);
    const list = this.#list;
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      output.push(`${innerInspect(list[i])} => ${innerInspect(list[i + 1])}`);
    }
    const length = output.reduce(
      (prev, cur) => prev + removeColors(cur).length + separator.length,
      -separator.length);
    if (length > ctx.breakLength) {
      return `${this.constructor.name} {\n  ${output.join(',\n  ')} }`;
    } else if (output.length) {
      return `${this.constructor.name} { ${output.join(separator)} }`;
    }
    return `${this.constructor.name} {}`;
  }

  get size() {
    this.#check();
    return this.#list.length / 2;
  }

  append(name, value) {
    this.#check();
    if (arguments.length < 2) throw missingArgs('name', 'value');
    this.#list.push(toUSVString(name), toUSVString(value));
    this.#update();
  }

  delete(name, value = undefined) {
    this.#check();
    if (arguments.length < 1) throw missingArgs('name');
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value) list.splice(i, 2);
        else i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) list.splice(i, 2);
        else i += 2;
      }
    }
    this.#update();
  }

  get(name) {
    this.#check();
    if (arguments.length < 1) throw missingArgs('name');
    const list = this.#list;
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  getAll(name) {
    this.#check();
    if (arguments.length < 1) throw missingArgs('name');
    const list = this.#list;
    const values = [];
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) values.push(list[i + 1]);
    }
    return values;
  }

  has(name, value = undefined) {
    this.#check();
    if (arguments.length < 1) throw missingArgs('name');
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value)) return true;
    }
    return false;
  }

  set(name, value) {
    this.#check();
    if (arguments.length < 2) throw missingArgs('name', 'value');
    const list = this.#list;
    name = toUSVString(name);
    value = toUSVString(value);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          list.splice(i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) list.push(name, value);
    this.#update();
  }

  sort() {
    this.#check();
    const a = this.#list;
    const pairs = [];
    for (let i = 0; i < a.length; i += 2) pairs.push([a[i], a[i + 1]]);
    // Stable, by UTF-16 code units.
    pairs.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    this.#list = pairs.flat();
    this.#update();
  }

  entries() {
    this.#check();
    return createSearchParamsIterator(this, 'key+value');
  }

  forEach(callback, thisArg = undefined) {
    this.#check();
    if (typeof callback !== 'function') {
      throw invalidArgType('callback', 'of type function', callback);
    }
    let list = this.#list;
    let i = 0;
    while (i < list.length) {
      const key = list[i];
      const value = list[i + 1];
      callback.call(thisArg, value, key, this);
      // In case the callback modified the list.
      list = this.#list;
      i += 2;
    }
  }

  keys() {
    this.#check();
    return createSearchParamsIterator(this, 'key');
  }

  values() {
    this.#check();
    return createSearchParamsIterator(this, 'value');
  }

  toString() {
    this.#check();
    return binding.urlFormSerialize(this.#list);
  }
}

Object.defineProperties(URLSearchParams.prototype, {
  append: enumerable,
  delete: enumerable,
  get: enumerable,
  getAll: enumerable,
  has: enumerable,
  set: enumerable,
  size: enumerable,
  sort: enumerable,
  entries: enumerable,
  forEach: enumerable,
  keys: enumerable,
  values: enumerable,
  toString: enumerable,
  [Symbol.toStringTag]: { configurable: true, value: 'URLSearchParams' },
  [Symbol.iterator]: {
    configurable: true, writable: true, value: URLSearchParams.prototype.entries,
  },
});

const kIterContext = Symbol('context');

function createSearchParamsIterator(target, kind) {
  const iterator = { __proto__: URLSearchParamsIteratorPrototype };
  iterator[kIterContext] = { target, kind, index: 0 };
  return iterator;
}

const URLSearchParamsIteratorPrototype = Object.create(IteratorPrototype);
Object.defineProperties(URLSearchParamsIteratorPrototype, {
  next: {
    writable: true, configurable: true, enumerable: true,
    value: function next() {
      if (!this || !this[kIterContext]) throw invalidThis('URLSearchParamsIterator');
      const { target, kind, index } = this[kIterContext];
      const values = paramsList(target);
      const len = values.length;
      if (index >= len) return { value: undefined, done: true };
      const name = values[index];
      const value = values[index + 1];
      this[kIterContext].index = index + 2;
      let result;
      if (kind === 'key') result = name;
      else if (kind === 'value') result = value;
      else result = [name, value];
      return { value: result, done: false };
    },
  },
  [inspectCustom]: {
    writable: true, configurable: true, enumerable: false,
    value: function inspect(recurseTimes, ctx) {
      if (!this || !this[kIterContext]) throw invalidThis('URLSearchParamsIterator');
      if (typeof recurseTimes === 'number' && recurseTimes < 0) {
        return ctx.stylize('[Object]', 'special');
      }
      const innerOpts = { ...ctx };
      if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
      const { target, kind, index } = this[kIterContext];
      const list = paramsList(target);
      const output = list.slice(index).reduce((prev, cur, i) => {
        const key = i % 2 === 0;
        if (kind === 'key' && key) prev.push(cur);
        else if (kind === 'value' && !key) prev.push(cur);
        else if (kind === 'key+value' && !key) prev.push([list[index + i - 1], cur]);
        return prev;
      }, []);
      const breakLn = binding.inspect(output, innerOpts).includes('\n');
      const outputStrs = output.map((p) => binding.inspect(p, innerOpts));
      let outputStr;
      if (breakLn) outputStr = `\n  ${outputStrs.join(',\n  ')}`;
      else outputStr = ` ${outputStrs.join(', ')}`;
      return `${this[Symbol.toStringTag]} {${outputStr} }`;
    },
  },
  [Symbol.toStringTag]: { configurable: true, value: 'URLSearchParams Iterator' },
});

// ---- node:url helpers

function fileURLToPath(path, options = undefined) {
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path)) {
    throw invalidArgType('path', 'of type string or an instance of URL', path);
  }
  if (path.protocol !== 'file:') {
    throw nodeError('TypeError', 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
  }
  if (path.hostname !== '') {
    throw nodeError('TypeError', 'ERR_INVALID_FILE_URL_HOST',
      `File URL host must be "localhost" or empty on ${process.platform}`);
  }
  const pathname = path.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw nodeError('TypeError', 'ERR_INVALID_FILE_URL_PATH',
          'File URL path must not include encoded / characters');
      }
    }
  }
  return decodeURIComponent(pathname);
}

function resolvePath(p) {
  let path = p;
  if (path[0] !== '/') {
    const cwd = typeof process.cwd === 'function' ? process.cwd() : '/';
    path = `${cwd}/${path}`;
  }
  const out = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return `/${out.join('/')}`;
}

function pathToFileURL(filepath, options = undefined) {
  if (typeof filepath !== 'string') {
    throw invalidArgType('path', 'of type string', filepath);
  }
  let resolved = resolvePath(filepath);
  if (filepath.endsWith('/') && resolved !== '/') resolved += '/';
  const encoded = resolved
    .replace(/%/g, '%25')
    .replace(/\\/g, '%5C')
    .replace(/\n/g, '%0A')
    .replace(/\r/g, '%0D')
    .replace(/\t/g, '%09')
    .replace(/\?/g, '%3F')
    .replace(/#/g, '%23');
  return new URL(`file://${encoded}`);
}

// url.format(URL, { auth, fragment, search, unicode }).
function formatURL(u, options = undefined) {
  if (options !== undefined && (options === null || typeof options !== 'object')) {
    throw invalidArgType('options', 'of type object', options);
  }
  const fragment = options?.fragment ?? true;
  const unicode = options?.unicode ?? false;
  const search = options?.search ?? true;
  const auth = options?.auth ?? true;
  let ret = u.protocol;
  if (u.host !== '' || u.href.startsWith(`${u.protocol}//`)) {
    ret += '//';
    if (auth && (u.username || u.password)) {
      ret += u.username;
      if (u.password) ret += `:${u.password}`;
      ret += '@';
    }
    ret += unicode ? binding.domainToUnicode(u.hostname) + (u.port ? `:${u.port}` : '') : u.host;
  }
  ret += u.pathname;
  if (search) ret += u.search;
  if (fragment) ret += u.hash;
  return ret;
}

function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: url.hostname && url.hostname[0] === '[' ? url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
  }
  return options;
}

module.exports = {
  URL,
  URLSearchParams,
  isURL,
  fileURLToPath,
  pathToFileURL,
  formatURL,
  urlToHttpOptions,
  domainToASCII: (d) => binding.domainToASCII(d),
  domainToUnicode: (d) => binding.domainToUnicode(d),
};
