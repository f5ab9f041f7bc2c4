// node:internal/url_legacy — the legacy `url.parse`/`url.resolve`/`url.resolveObject` API
// (the `Url` objects of Node before WHATWG URL), with Node 24's behaviour: the input is
// trimmed, backslashes before the query become slashes, unsafe characters are
// percent-escaped, the hostname is lowercased and punycoded, and the first call warns
// DEP0169.
'use strict';

const querystring = require('querystring');

const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher',
  'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const hostlessProtocol = new Set(['javascript', 'javascript:']);
const unsafeProtocol = new Set(['javascript', 'javascript:']);
const protocolPattern = /^[a-z0-9.+-]+:/i;
const portPattern = /:[0-9]*$/;
const hostPattern = /^\/\/[^@/]+@[^@/]+/;
const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const hostnamePartPattern = /^[+a-z0-9A-Z_-]{0,63}$/;
const hostnamePartStart = /^([+a-z0-9A-Z_-]{0,63})(.*)$/;
// Characters escaped wherever they appear after the host.
const autoEscape = {
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', '\'': '%27', '<': '%3C',
  '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
const autoEscapePattern = /[\t\n\r "'<>\\^`{|}]/g;
// Characters that end the host part.
const hostEndChars = '\t\n\r "#%\';<>?\\^`{|}/';

let warnedParse = false;

class Url {
  constructor() {
    this.protocol = null;
    this.slashes = null;
    this.auth = null;
    this.host = null;
    this.port = null;
    this.hostname = null;
    this.hash = null;
    this.search = null;
    this.query = null;
    this.pathname = null;
    this.path = null;
    this.href = null;
  }
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  if (!warnedParse) {
    warnedParse = true;
    binding.emitWarning('[DEP0169] DeprecationWarning',
      '`url.parse()` behavior is not standardized and prone to errors that have security ' +
      'implications. Use the WHATWG URL API instead. CVEs are not issued for `url.parse()` ' +
      'vulnerabilities.');
  }
  const u = new Url();
  parseInto(u, url, parseQueryString, slashesDenoteHost);
  return u;
}

function setQuery(u, rest, parseQueryString) {
  const qm = rest.indexOf('?');
  if (qm !== -1) {
    u.search = rest.slice(qm);
    u.query = rest.slice(qm + 1);
    if (parseQueryString) u.query = querystring.parse(u.query);
    return rest.slice(0, qm);
  }
  if (parseQueryString) {
    u.search = null;
    u.query = { __proto__: null };
  }
  return rest;
}

function parseInto(u, url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') {
    throw require('internal/errors').invalidArgType('url', 'of type string', url);
  }
  let rest = url.trim();
  // Backslashes before the query or hash are slashes.
  const end = rest.search(/[?#]/);
  const head = end === -1 ? rest : rest.slice(0, end);
  rest = head.replace(/\\/g, '/') + (end === -1 ? '' : rest.slice(end));

  if (!slashesDenoteHost && !rest.includes('#')) {
    const simple = simplePathPattern.exec(rest);
    if (simple) {
      u.path = rest;
      u.href = rest;
      u.pathname = simple[1];
      if (simple[2]) {
        u.search = simple[2];
        u.query = parseQueryString ? querystring.parse(u.search.slice(1)) : u.search.slice(1);
      } else if (parseQueryString) {
        u.search = null;
        u.query = { __proto__: null };
      }
      return u;
    }
  }

  let proto = protocolPattern.exec(rest);
  let lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    u.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  let slashes;
  if (slashesDenoteHost || proto || hostPattern.test(rest)) {
    slashes = rest.startsWith('//');
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      u.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto) &&
      (slashes || (proto && !slashedProtocol.has(proto)))) {
    // The host ends at the first '/', '?' or '#'; the auth is what precedes the last '@'
    // before that.
    let hostEnd = -1;
    for (const c of '/?#') {
      const i = rest.indexOf(c);
      if (i !== -1 && (hostEnd === -1 || i < hostEnd)) hostEnd = i;
    }
    const atSign = hostEnd === -1 ? rest.lastIndexOf('@') : rest.lastIndexOf('@', hostEnd);
    if (atSign !== -1) {
      u.auth = decodeURIComponent(rest.slice(0, atSign));
      rest = rest.slice(atSign + 1);
    }
    hostEnd = -1;
    for (let i = 0; i < rest.length; i++) {
      if (hostEndChars.includes(rest[i])) {
        hostEnd = i;
        break;
      }
    }
    if (hostEnd === -1) hostEnd = rest.length;
    u.host = rest.slice(0, hostEnd);
    rest = rest.slice(hostEnd);
    parseHost(u);
    u.hostname ||= '';

    const ipv6 = u.hostname[0] === '[' && u.hostname[u.hostname.length - 1] === ']';
    if (!ipv6) {
      const parts = u.hostname.split('.');
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (!part) continue;
        const ascii = part.replace(/[^\x00-\x7f]/g, 'x');
        if (hostnamePartPattern.test(ascii)) continue;
        // An invalid part: what follows goes to the path.
        const valid = parts.slice(0, i);
        const notHost = parts.slice(i + 1);
        const bit = hostnamePartStart.exec(part);
        if (bit) {
          valid.push(bit[1]);
          notHost.unshift(bit[2]);
        }
        if (notHost.length) rest = `/${notHost.join('.')}${rest}`;
        u.hostname = valid.join('.');
        if (part.includes(':')) {
          binding.emitWarning('[DEP0170] DeprecationWarning',
            `The URL ${url} is invalid. Future versions of Node.js will throw an error.`);
        }
        break;
      }
    }
    u.hostname = u.hostname.length > 255 ? '' : u.hostname.toLowerCase();
    if (!ipv6 && /[^\x00-\x7f]/.test(u.hostname)) {
      u.hostname = binding.domainToASCII(u.hostname) || u.hostname;
    }
    u.host = u.hostname + (u.port ? `:${u.port}` : '');
    if (ipv6) {
      u.hostname = u.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = `/${rest}`;
    }
  }

  if (!unsafeProtocol.has(lowerProto)) {
    rest = rest.replace(autoEscapePattern, (c) => autoEscape[c]);
  }

  const hash = rest.indexOf('#');
  if (hash !== -1) {
    u.hash = rest.slice(hash);
    rest = rest.slice(0, hash);
  }
  rest = setQuery(u, rest, parseQueryString);
  if (rest) u.pathname = rest;
  if (slashedProtocol.has(lowerProto) && u.hostname && !u.pathname) u.pathname = '/';
  if (u.pathname || u.search) u.path = (u.pathname || '') + (u.search || '');
  u.href = format(u);
  return u;
}

function parseHost(u) {
  let host = u.host;
  const m = portPattern.exec(host);
  if (m) {
    if (m[0] !== ':') u.port = m[0].slice(1);
    host = host.slice(0, host.length - m[0].length);
  }
  if (host) u.hostname = host;
}

// Url.prototype.format, for Url objects and plain objects alike.
function format(obj) {
  let auth = obj.auth || '';
  if (auth) {
    auth = encodeURIComponent(auth).replace(/%3A/i, ':');
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
  if (obj.query !== null && typeof obj.query === 'object') {
    query = querystring.stringify(obj.query);
  }
  let search = obj.search || (query && `?${query}`) || '';
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

function parseQuiet(url, parseQueryString, slashesDenoteHost) {
  const u = new Url();
  return parseInto(u, url, parseQueryString, slashesDenoteHost);
}

function urlResolve(source, relative) {
  return format(resolveObject(parseQuiet(source, false, true), relative));
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return resolveObject(parseQuiet(source, false, true), relative);
}

// Url.prototype.resolveObject: RFC 1808 resolution with Node's special cases.
function resolveObject(base, relative) {
  if (typeof relative === 'string') relative = parseQuiet(relative, false, true);
  const result = new Url();
  for (const k of Object.keys(base)) result[k] = base[k];
  result.hash = relative.hash;
  if (relative.href === '') {
    result.href = format(result);
    return result;
  }
  if (relative.slashes && !relative.protocol) {
    for (const k of Object.keys(relative)) {
      if (k !== 'protocol') result[k] = relative[k];
    }
    if (slashedProtocol.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    result.href = format(result);
    return result;
  }
  if (relative.protocol && relative.protocol !== result.protocol) {
    if (!slashedProtocol.has(relative.protocol)) {
      for (const k of Object.keys(relative)) result[k] = relative[k];
      result.href = format(result);
      return result;
    }
    result.protocol = relative.protocol;
    if (!relative.host && !/^file:?$/.test(relative.protocol) &&
        !hostlessProtocol.has(relative.protocol)) {
      const relPath = (relative.pathname || '').split('/');
      while (relPath.length && !(relative.host = relPath.shift()));
      relative.host ||= '';
      relative.hostname ||= '';
      if (relPath[0] !== '') relPath.unshift('');
      if (relPath.length < 2) relPath.unshift('');
      result.pathname = relPath.join('/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) {
      result.path = (result.pathname || '') + (result.search || '');
    }
    result.slashes = result.slashes || relative.slashes;
    result.href = format(result);
    return result;
  }

  const isSourceAbs = result.pathname && result.pathname[0] === '/';
  const isRelAbs = relative.host || (relative.pathname && relative.pathname[0] === '/');
  let mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  const noLeadingSlashes = result.protocol && !slashedProtocol.has(result.protocol);

  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      const authInHost = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : false;
      if (authInHost) {
        result.auth = authInHost.shift();
        result.host = result.hostname = authInHost.shift();
      }
    }
    result.search = relative.search;
    result.query = relative.query;
    if (result.pathname !== null || result.search !== null) {
      result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
    }
    result.href = format(result);
    return result;
  }

  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? `/${result.search}` : null;
    result.href = format(result);
    return result;
  }

  let last = srcPath.slice(-1)[0];
  const hasTrailingSlash = (((result.host || relative.host || srcPath.length > 1) &&
    (last === '.' || last === '..')) || last === '');
  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') {
      srcPath.splice(i, 1);
    } else if (last === '..') {
      srcPath.splice(i, 1);
      up++;
    } else if (up) {
      srcPath.splice(i, 1);
      up--;
    }
  }
  if (!mustEndAbs && !removeAllDots) {
    while (up--) srcPath.unshift('..');
  }
  if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0][0] !== '/')) {
    srcPath.unshift('');
  }
  if (hasTrailingSlash && !srcPath.join('/').endsWith('/')) srcPath.push('');
  const isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0][0] === '/');
  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' : srcPath.length ? srcPath.shift() : '';
    const authInHost = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : false;
    if (authInHost) {
      result.auth = authInHost.shift();
      result.host = result.hostname = authInHost.shift();
    }
  }
  mustEndAbs = mustEndAbs || (result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) srcPath.unshift('');
  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
  }
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = format(result);
  return result;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  return parseInto(this, url, parseQueryString, slashesDenoteHost);
};
Url.prototype.format = function formatUrl() {
  return format(this);
};
Url.prototype.resolve = function resolve(relative) {
  return format(resolveObject(this, parseQuiet(relative, false, true)));
};
Url.prototype.resolveObject = function resolveObjectMethod(relative) {
  return resolveObject(this, relative);
};

module.exports = { Url, urlParse, urlResolve, urlResolveObject, format, parseQuiet };
