// node:internal/fetch — `fetch` and `WebSocket` for a host with no network: they exist, check
// their arguments as Node's undici does, and fail as Node fails for a host it cannot resolve
// (jsgen runs untrusted snippets and opens no sockets). fetch rejects with
// `TypeError: fetch failed` whose cause is the resolver's ENOTFOUND error; a WebSocket fires
// 'error' then 'close' (code 1006).
'use strict';

const { Event, EventTarget, defineEventHandler } = require('internal/event_target');
const { DOMException } = require('internal/per_context/domexception');
const { URL } = require('internal/url');

function dnsError(hostname) {
  const e = new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  e.stack = `Error: getaddrinfo ENOTFOUND ${hostname}\n` +
    '    at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:123:26)';
  e.errno = -3008;
  e.code = 'ENOTFOUND';
  e.syscall = 'getaddrinfo';
  e.hostname = hostname;
  return e;
}

// A TypeError with no frames in its stack, as undici's are printed (`[TypeError: ...]`).
function bareTypeError(message, cause) {
  const e = new TypeError(message, { cause });
  e.stack = `TypeError: ${message}`;
  return e;
}

function fetch(input, init = undefined) {
  return new Promise((resolve, reject) => {
    let href;
    if (input !== null && typeof input === 'object' && typeof input.href === 'string') {
      href = input.href;
    } else if (input !== null && typeof input === 'object' && typeof input.url === 'string') {
      href = input.url;
    } else {
      href = `${input}`;
    }
    let url;
    try {
      url = new URL(href);
    } catch (err) {
      reject(bareTypeError(`Failed to parse URL from ${href}`, err));
      return;
    }
    if (init?.signal?.aborted) {
      reject(init.signal.reason);
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'data:' &&
        url.protocol !== 'blob:') {
      setTimeout(() => reject(bareTypeError('fetch failed',
        new Error('unknown scheme'))), 0);
      return;
    }
    setTimeout(() => reject(bareTypeError('fetch failed', dnsError(url.hostname))), 0);
  });
}

class ErrorEvent extends Event {
  #message;
  #error;
  constructor(type, init = undefined) {
    super(type, init);
    this.#message = `${init?.message ?? ''}`;
    this.#error = init?.error;
  }
  get message() { return this.#message; }
  get error() { return this.#error; }
}

class CloseEvent extends Event {
  #code;
  #reason;
  #wasClean;
  constructor(type, init = undefined) {
    super(type, init);
    this.#code = init?.code ?? 0;
    this.#reason = `${init?.reason ?? ''}`;
    this.#wasClean = Boolean(init?.wasClean);
  }
  get code() { return this.#code; }
  get reason() { return this.#reason; }
  get wasClean() { return this.#wasClean; }
}

const states = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 };

class WebSocket extends EventTarget {
  #url;
  #readyState = 0;
  #binaryType = 'blob';

  constructor(url, protocols = []) {
    super();
    let u;
    try {
      u = new URL(`${url}`);
    } catch (err) {
      throw new DOMException(err, 'SyntaxError');
    }
    if (u.protocol === 'http:') u.protocol = 'ws:';
    else if (u.protocol === 'https:') u.protocol = 'wss:';
    if (u.protocol !== 'ws:' && u.protocol !== 'wss:') {
      throw new DOMException(`Expected a ws: or wss: protocol, got ${u.protocol}`, 'SyntaxError');
    }
    if (u.hash) {
      throw new DOMException('Got fragment', 'SyntaxError');
    }
    this.#url = u.href;
    setTimeout(() => {
      this.#readyState = 3;
      this.dispatchEvent(new ErrorEvent('error', { error: new TypeError() }));
      this.dispatchEvent(new CloseEvent('close', { code: 1006, reason: '', wasClean: false }));
    }, 0);
  }

  get url() { return this.#url; }
  get readyState() { return this.#readyState; }
  get protocol() { return ''; }
  get extensions() { return ''; }
  get bufferedAmount() { return 0; }
  get binaryType() { return this.#binaryType; }
  set binaryType(type) {
    if (type === 'blob' || type === 'arraybuffer') this.#binaryType = type;
  }

  send() {
    if (this.#readyState === 0) {
      throw new DOMException('Sent before connected.', 'InvalidStateError');
    }
  }

  close() {
    if (this.#readyState < 2) this.#readyState = 2;
  }
}

for (const [name, value] of Object.entries(states)) {
  Object.defineProperty(WebSocket, name, { value, enumerable: true });
  Object.defineProperty(WebSocket.prototype, name, { value, enumerable: true });
}
for (const name of ['open', 'error', 'close', 'message']) {
  defineEventHandler(WebSocket.prototype, name);
}
Object.defineProperty(WebSocket.prototype, Symbol.toStringTag, {
  configurable: true, value: 'WebSocket',
});

module.exports = { fetch, WebSocket, ErrorEvent, CloseEvent };
