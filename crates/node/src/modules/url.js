// node:url — the WHATWG URL API (node:internal/url) plus the helpers Node exports with it:
// fileURLToPath, pathToFileURL, format (a WHATWG URL with options, or a legacy url object),
// domainToASCII/domainToUnicode, urlToHttpOptions. The legacy `parse`/`resolve` are not here.
'use strict';

const internal = require('internal/url');
const { URL, URLSearchParams, isURL } = internal;

const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher',
  'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);

function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return `${v}`;
  if (typeof v === 'bigint') return `${v}`;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

// querystring.stringify(obj) with the default separators.
function stringifyQuery(obj) {
  const fields = [];
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const ks = `${encodeURIComponent(stringifyPrimitive(k))}=`;
    if (Array.isArray(v)) {
      for (const item of v) fields.push(ks + encodeURIComponent(stringifyPrimitive(item)));
    } else {
      fields.push(ks + encodeURIComponent(stringifyPrimitive(v)));
    }
  }
  return fields.join('&');
}

// Node's Url.prototype.format for a plain (legacy) url object.
function formatLegacy(obj) {
  let auth = obj.auth || '';
  if (auth) {
    auth = encodeURIComponent(auth).replace(/%3A/gi, ':');
    auth += '@';
  }
  let protocol = obj.protocol || '';
  let pathname = obj.pathname || '';
  let hash = obj.hash || '';
  let host = '';
  let query = '';
  if (obj.host) {
    host = auth + obj.host;
  } else if (obj.hostname) {
    host = auth + (obj.hostname.includes(':') && obj.hostname[0] !== '['
      ? `[${obj.hostname}]` : obj.hostname);
    if (obj.port) host += `:${obj.port}`;
  }
  if (obj.query !== null && typeof obj.query === 'object') query = stringifyQuery(obj.query);
  let search = obj.search || (query && (`?${query}`)) || '';
  if (protocol && !protocol.endsWith(':')) protocol += ':';
  pathname = pathname.replace(/#/g, '%23').replace(/\?/g, '%3F');
  if (obj.slashes || slashedProtocol.has(protocol)) {
    if (obj.slashes || host) {
      if (pathname && pathname[0] !== '/') pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.startsWith('file')) {
      host = '//';
    }
  }
  search = search.replace(/#/g, '%23');
  if (hash && hash[0] !== '#') hash = `#${hash}`;
  if (search && search[0] !== '?') search = `?${search}`;
  return protocol + host + pathname + search + hash;
}

function format(urlObject, options = undefined) {
  if (typeof urlObject === 'string') {
    return formatLegacy(new URL(urlObject));
  }
  if (urlObject === null || (typeof urlObject !== 'object' && typeof urlObject !== 'function')) {
    throw require('internal/errors').invalidArgType('urlObject', 'one of type object or string', urlObject);
  }
  if (isURL(urlObject)) return internal.formatURL(urlObject, options);
  return formatLegacy(urlObject);
}

module.exports = {
  URL,
  URLSearchParams,
  URLPattern: require('internal/url_pattern').URLPattern,
  domainToASCII: internal.domainToASCII,
  domainToUnicode: internal.domainToUnicode,
  pathToFileURL: internal.pathToFileURL,
  fileURLToPath: internal.fileURLToPath,
  urlToHttpOptions: internal.urlToHttpOptions,
  format,
};
