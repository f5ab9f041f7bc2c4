'use strict';
// util.MIMEType and util.MIMEParams (Node 24's lib/internal/mime.js, the WHATWG MIME Sniffing
// parser): loaded on the first read of `util.MIMEType`/`util.MIMEParams`
// (`binding.defineLazyExport`), so `require('util')` does not parse it.
// A MIMEParams made by a MIMEType parses its parameter string on first use, as Node's does.

const { nodeError } = binding;

// Characters outside an HTTP token / an HTTP quoted string.
const NOT_TOKEN = /[^!#$%&'*+\-.^_`|~A-Za-z0-9]/;
const NOT_QUOTED = /[^\t\u0020-~\u0080-\u00FF]/;
const NOT_WHITESPACE_OR_END = /[^\r\n\t ]|$/;
const TRAILING_WHITESPACE = /[\r\n\t ]*$/;
const EQUALS_SEMICOLON_OR_END = /[;=]|$/;
// A quoted value up to its closing '"': $1 set when it ends on a lone '\', $2 on the quote.
const QUOTED_VALUE = /^(?:([\\]$)|[\\][\s\S]|[^"])*(?:(")|$)/u;

const kNoThrow = Symbol('kNoThrow');

// Where `re` first matches in `str` (-1 if nowhere), as String.prototype.search.
function search(str, re) {
  const m = RegExp.prototype.exec.call(re, str);
  return m === null ? -1 : m.index;
}

function mimeSyntaxError(production, str, index) {
  const at = index !== -1 ? ` at ${index}` : '';
  return nodeError('TypeError', 'ERR_INVALID_MIME_SYNTAX',
    `The MIME syntax for a ${production} in "${str}" is invalid${at}`);
}

// Lower-cases ASCII letters only (`toLowerCase` would also change other scripts' letters).
function toASCIILower(str) {
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(str)) return str.toLowerCase();
  let result = '';
  for (let i = 0; i < str.length; i++) {
    const c = str[i];
    result += c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
  }
  return result;
}

// [type, subtype, index just past the ';' that ends the subtype], or null under kNoThrow.
function parseTypeAndSubtype(str, noThrow) {
  let position = search(str, NOT_WHITESPACE_OR_END);
  const typeEnd = str.indexOf('/', position);
  const trimmedType = typeEnd === -1 ? str.slice(position) : str.slice(position, typeEnd);
  const invalidTypeIndex = search(trimmedType, NOT_TOKEN);
  if (trimmedType === '' || invalidTypeIndex !== -1 || typeEnd === -1) {
    if (noThrow === kNoThrow) return null;
    throw mimeSyntaxError('type', str, invalidTypeIndex);
  }
  position = typeEnd + 1;
  const type = toASCIILower(trimmedType);
  const subtypeEnd = str.indexOf(';', position);
  const rawSubtype = subtypeEnd === -1 ? str.slice(position) : str.slice(position, subtypeEnd);
  position += rawSubtype.length;
  if (subtypeEnd !== -1) position += 1;
  const trimmedSubtype = rawSubtype.slice(0, search(rawSubtype, TRAILING_WHITESPACE));
  const invalidSubtypeIndex = search(trimmedSubtype, NOT_TOKEN);
  if (trimmedSubtype === '' || invalidSubtypeIndex !== -1) {
    if (noThrow === kNoThrow) return null;
    throw mimeSyntaxError('subtype', str, invalidSubtypeIndex);
  }
  return [type, toASCIILower(trimmedSubtype), position];
}

// `a\"b` -> `a"b`; a trailing lone '\' stays.
function removeBackslashes(str) {
  let ret = '';
  let i;
  for (i = 0; i < str.length - 1; i++) {
    if (str[i] === '\\') {
      i++;
      ret += str[i];
    } else {
      ret += str[i];
    }
  }
  if (i === str.length - 1) ret += str[i];
  return ret;
}

// A parameter value as serialized: a token as is, anything else quoted with `"` and `\`
// escaped, the empty string as `""`.
function encodeValue(value) {
  if (value.length === 0) return '""';
  if (search(value, NOT_TOKEN) === -1) return value;
  let escaped = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    escaped += c === '"' || c === '\\' ? `\\${c}` : c;
  }
  return `"${escaped}"`;
}

// The parameters of `str` (what follows `type/subtype;`), in order, the first of each name.
function parseParameters(str, paramsMap) {
  let position = 0;
  const endOfSource = search(str, TRAILING_WHITESPACE);
  while (position < endOfSource) {
    position += search(str.slice(position), NOT_WHITESPACE_OR_END);
    const afterName = search(str.slice(position), EQUALS_SEMICOLON_OR_END) + position;
    const name = toASCIILower(str.slice(position, afterName));
    position = afterName;
    if (position < endOfSource) {
      const c = str.charAt(position);
      position += 1;
      // A parameter without a value is skipped.
      if (c === ';') continue;
    }
    if (position >= endOfSource) break;
    let value;
    if (str.charAt(position) === '"') {
      position += 1;
      const inside = QUOTED_VALUE.exec(str.slice(position));
      position += inside[0].length;
      const raw = inside[1] || inside[2] ? inside[0].slice(0, -1) : inside[0];
      value = removeBackslashes(raw);
      if (inside[1]) value += '\\';
    } else {
      const valueEnd = str.indexOf(';', position);
      const rawValue = valueEnd === -1 ? str.slice(position) : str.slice(position, valueEnd);
      position += rawValue.length;
      value = rawValue.slice(0, search(rawValue, TRAILING_WHITESPACE));
      if (value === '') continue;
    }
    if (name !== '' && search(name, NOT_TOKEN) === -1 && search(value, NOT_QUOTED) === -1 &&
        !paramsMap.has(name)) {
      paramsMap.set(name, value);
    }
    position++;
  }
}

class MIMEParams {
  #data = new Map();
  // A MIMEType's parameters are parsed on first use.
  #processed = true;
  #string = null;

  static instantiateMimeParams(str) {
    const instance = new MIMEParams();
    instance.#string = str;
    instance.#processed = false;
    return instance;
  }

  delete(name) {
    this.#parse();
    this.#data.delete(toASCIILower(`${name}`));
  }

  get(name) {
    this.#parse();
    name = toASCIILower(`${name}`);
    return this.#data.has(name) ? this.#data.get(name) : null;
  }

  has(name) {
    this.#parse();
    return this.#data.has(toASCIILower(`${name}`));
  }

  set(name, value) {
    this.#parse();
    name = toASCIILower(`${name}`);
    value = `${value}`;
    const invalidNameIndex = search(name, NOT_TOKEN);
    if (name.length === 0 || invalidNameIndex !== -1) {
      throw mimeSyntaxError('parameter name', name, invalidNameIndex);
    }
    const invalidValueIndex = search(value, NOT_QUOTED);
    if (invalidValueIndex !== -1) {
      throw mimeSyntaxError('parameter value', value, invalidValueIndex);
    }
    this.#data.set(name, value);
  }

  *entries() {
    this.#parse();
    yield* this.#data.entries();
  }

  *keys() {
    this.#parse();
    yield* this.#data.keys();
  }

  *values() {
    this.#parse();
    yield* this.#data.values();
  }

  toString() {
    this.#parse();
    let ret = '';
    for (const [key, value] of this.#data) {
      if (ret.length) ret += ';';
      ret += `${key}=${encodeValue(value)}`;
    }
    return ret;
  }

  #parse() {
    if (this.#processed) return;
    parseParameters(this.#string, this.#data);
    this.#processed = true;
  }
}
const paramsToString = MIMEParams.prototype.toString;
Object.defineProperty(MIMEParams.prototype, Symbol.iterator, {
  __proto__: null,
  configurable: true,
  value: MIMEParams.prototype.entries,
  writable: true,
});
Object.defineProperty(MIMEParams.prototype, 'toJSON', {
  __proto__: null,
  configurable: true,
  value: paramsToString,
  writable: true,
});
const { instantiateMimeParams } = MIMEParams;
delete MIMEParams.instantiateMimeParams;

// The `type`/`subtype` setters' value: a non-empty token, lower-cased.
function validToken(what, v) {
  v = `${v}`;
  const invalidIndex = search(v, NOT_TOKEN);
  if (v.length === 0 || invalidIndex !== -1) {
    throw mimeSyntaxError(what, v, invalidIndex);
  }
  return toASCIILower(v);
}

class MIMEType {
  #type;
  #subtype;
  #parameters;
  constructor(string, noThrowSymbol = null) {
    string = `${string}`;
    if (noThrowSymbol != null && noThrowSymbol !== kNoThrow) {
      throw nodeError('TypeError', 'ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor');
    }
    const data = parseTypeAndSubtype(string, noThrowSymbol);
    if (data != null) {
      this.#type = data[0];
      this.#subtype = data[1];
      this.#parameters = instantiateMimeParams(string.slice(data[2]));
    }
  }

  // The constructor's parse, null instead of an error for invalid input.
  static parse(string) {
    const mt = new MIMEType(string, kNoThrow);
    return mt.type ? mt : null;
  }

  get type() {
    return this.#type;
  }

  set type(v) {
    this.#type = validToken('type', v);
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(v) {
    this.#subtype = validToken('subtype', v);
  }

  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#parameters;
  }

  toString() {
    let ret = `${this.#type}/${this.#subtype}`;
    const paramStr = Reflect.apply(paramsToString, this.#parameters, []);
    if (paramStr.length) ret += `;${paramStr}`;
    return ret;
  }
}
Object.defineProperty(MIMEType.prototype, 'toJSON', {
  __proto__: null,
  configurable: true,
  value: MIMEType.prototype.toString,
  writable: true,
});

module.exports = {
  MIMEParams,
  MIMEType,
};
