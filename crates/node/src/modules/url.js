// node:url — the WHATWG URL API (node:internal/url) plus the helpers Node exports with it:
// fileURLToPath, pathToFileURL, format (a WHATWG URL with options, or a legacy url object),
// domainToASCII/domainToUnicode, urlToHttpOptions, and the legacy Url API
// (node:internal/url_legacy: parse, resolve, resolveObject).
'use strict';

const internal = require('internal/url');
const { URL, URLSearchParams, isURL } = internal;

const legacy = require('internal/url_legacy');

function format(urlObject, options = undefined) {
  if (typeof urlObject === 'string') {
    return legacy.format(legacy.parseQuiet(urlObject));
  }
  if (urlObject === null || (typeof urlObject !== 'object' && typeof urlObject !== 'function')) {
    throw require('internal/errors').invalidArgType('urlObject', 'one of type object or string', urlObject);
  }
  if (isURL(urlObject)) return internal.formatURL(urlObject, options);
  return legacy.format(urlObject);
}

module.exports = {
  Url: legacy.Url,
  parse: legacy.urlParse,
  resolve: legacy.urlResolve,
  resolveObject: legacy.urlResolveObject,
  format,
  URL,
  URLSearchParams,
  URLPattern: require('internal/url_pattern').URLPattern,
  domainToASCII: internal.domainToASCII,
  domainToUnicode: internal.domainToUnicode,
  pathToFileURL: internal.pathToFileURL,
  fileURLToPath: internal.fileURLToPath,
  urlToHttpOptions: internal.urlToHttpOptions,
};
