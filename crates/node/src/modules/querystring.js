// node:querystring — parse and stringify `application/x-www-form-urlencoded`-style strings
// as Node's querystring does: repeated keys become arrays, `+` is a space, bad escapes are
// kept as they are, and the result has a null prototype.
'use strict';

function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return encodeURIComponent(str);
}

// Decodes what decodes: runs of valid %XX escapes as UTF-8 (invalid sequences as U+FFFD),
// anything else as is.
function qsUnescape(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
      const bytes = run.slice(1).split('%').map((h) => parseInt(h, 16));
      return decodeUtf8(bytes);
    });
  }
}

function decodeUtf8(bytes) {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    let need = 0;
    let cp = 0;
    if (b < 0x80) { out += String.fromCharCode(b); i++; continue; }
    if (b >= 0xc2 && b <= 0xdf) { need = 1; cp = b & 0x1f; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; cp = b & 0x0f; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; cp = b & 0x07; }
    else { out += '\ufffd'; i++; continue; }
    let j = 1;
    for (; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || (c & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (j <= need) { out += '\ufffd'; i += j; continue; }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function stringify(obj, sep = '&', eq = '=', options = undefined) {
  sep ||= '&';
  eq ||= '=';
  const encode = typeof options?.encodeURIComponent === 'function'
    ? options.encodeURIComponent : qsEscape;
  if (obj === null || typeof obj !== 'object') return '';
  const fields = [];
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const ks = encode(stringifyPrimitive(k)) + eq;
    if (Array.isArray(v)) {
      for (const item of v) fields.push(ks + encode(stringifyPrimitive(item)));
    } else {
      fields.push(ks + encode(stringifyPrimitive(v)));
    }
  }
  return fields.join(sep);
}

function parse(qs, sep = '&', eq = '=', options = undefined) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep ||= '&';
  eq ||= '=';
  let maxKeys = 1000;
  if (typeof options?.maxKeys === 'number') maxKeys = options.maxKeys;
  const decode = typeof options?.decodeURIComponent === 'function'
    ? options.decodeURIComponent : qsUnescape;
  let parts = qs.split(sep);
  if (maxKeys > 0 && parts.length > maxKeys) parts = parts.slice(0, maxKeys);
  for (const part of parts) {
    if (part.length === 0) continue;
    const idx = part.indexOf(eq);
    let k = idx >= 0 ? part.slice(0, idx) : part;
    let v = idx >= 0 ? part.slice(idx + eq.length) : '';
    k = decode(k.replace(/\+/g, ' '));
    v = decode(v.replace(/\+/g, ' '));
    const cur = obj[k];
    if (cur === undefined) obj[k] = v;
    else if (Array.isArray(cur)) cur.push(v);
    else obj[k] = [cur, v];
  }
  return obj;
}

module.exports = {
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
