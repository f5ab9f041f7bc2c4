// node:internal/worker_io — MessageChannel, MessagePort, BroadcastChannel and MessageEvent
// for the one thread jsgen runs (Node 24: lib/internal/worker/io.js). Both ends of a channel
// live in this thread: `postMessage` structured-clones the value at once (a DataCloneError
// is thrown to the poster) and the entangled port receives it in a later poll phase of the
// event loop, one delivery per message, with ticks and microtasks between them, as Node's
// `uv_async_t` callback does. A port starts when it gets a 'message' listener (`on`,
// `addEventListener`, `onmessage`) or `start()`; messages wait in its queue until then.
// Unlike Node, a port that is open but has nothing queued does not keep the process alive:
// with one thread, nothing could ever post to it again.
'use strict';

const {
  Event, EventTarget, defineEventHandler, kCreateEvent, kIsNodeStyleListener, kEvents,
  kNewListener,
} = require('internal/event_target');
const { nodeError, invalidArgType } = require('internal/errors');
const { DOMException } = require('internal/per_context/domexception');

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');

// ---- MessageEvent --------------------------------------------------------------------------

const kData = Symbol('kData');
const kOrigin = Symbol('kOrigin');
const kLastEventId = Symbol('kLastEventId');
const kSource = Symbol('kSource');
const kPorts = Symbol('kPorts');

class MessageEvent extends Event {
  constructor(type, options = {}) {
    if (arguments.length === 0) throw nodeError('TypeError', 'ERR_MISSING_ARGS', 'The "type" argument must be specified');
    super(type, options);
    const { data = null, origin = '', lastEventId = '', source = null, ports = [] } = options ?? {};
    this[kData] = data;
    this[kOrigin] = `${origin}`;
    this[kLastEventId] = `${lastEventId}`;
    this[kSource] = source;
    this[kPorts] = Object.freeze([...ports]);
  }
  get data() { return this[kData]; }
  get origin() { return this[kOrigin]; }
  get lastEventId() { return this[kLastEventId]; }
  get source() { return this[kSource]; }
  get ports() { return this[kPorts]; }
}
Object.defineProperties(MessageEvent.prototype, {
  data: { enumerable: true },
  origin: { enumerable: true },
  lastEventId: { enumerable: true },
  source: { enumerable: true },
  ports: { enumerable: true },
  [Symbol.toStringTag]: { value: 'MessageEvent', configurable: true },
});

// ---- NodeEventTarget's EventEmitter-style methods ------------------------------------------

function nodeStyle(target, type, listener, once) {
  if (typeof listener !== 'function') throw invalidArgType('listener', 'of type function', listener);
  target.addEventListener(type, listener, { once, [kIsNodeStyleListener]: true });
  return target;
}

class NodeEventTarget extends EventTarget {
  on(type, listener) { return nodeStyle(this, type, listener, false); }
  addListener(type, listener) { return nodeStyle(this, type, listener, false); }
  once(type, listener) { return nodeStyle(this, type, listener, true); }
  off(type, listener) { this.removeEventListener(type, listener); return this; }
  removeListener(type, listener) { this.removeEventListener(type, listener); return this; }
  emit(type, arg) {
    if (typeof type !== 'string') throw invalidArgType('type', 'of type string', type);
    const had = this.listenerCount(type) > 0;
    this.dispatchEvent(new Event(type));
    return had;
  }
  listenerCount(type) { return this[kEvents].get(type)?.size ?? 0; }
  eventNames() { return [...this[kEvents].keys()]; }
  removeAllListeners(type) {
    if (type === undefined) this[kEvents].clear(); else this[kEvents].delete(type);
    return this;
  }
  setMaxListeners() { return this; }
  getMaxListeners() { return 10; }
}

// ---- MessagePort ---------------------------------------------------------------------------

const kState = Symbol('kState');
let constructing = false;

function deliverOne(port) {
  const st = port[kState];
  if (st.closed || !st.started || st.queue.length === 0) return;
  const data = st.queue.shift();
  port[Symbol.for('nodejs.internal.kHybridDispatch')](data, 'message', undefined);
}

function schedule(port) {
  binding.queuePoll(() => deliverOne(port), port[kState].refed);
}

function start(port) {
  const st = port[kState];
  if (st.started || st.closed) return;
  st.started = true;
  st.refed = true;
  for (let i = 0; i < st.queue.length; i++) schedule(port);
}

class MessagePort extends NodeEventTarget {
  constructor() {
    if (!constructing) {
      throw nodeError('TypeError', 'ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called');
    }
    super();
    this[kState] = { other: null, queue: [], started: false, closed: false, refed: false };
  }

  // A 'message' listener, however added (`on`, `addEventListener`, `onmessage`), starts the
  // port.
  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    if (type === 'message') start(this);
  }

  [kCreateEvent](data, type) {
    return new MessageEvent(type, { data });
  }

  [inspectCustom](depth, options, inspect) {
    const st = this[kState];
    return `MessagePort [EventTarget] ${inspect({ active: !st.closed, refed: this.hasRef() }, options)}`;
  }
}

// The prototype's own keys in Node's order (its methods come from C++ first).
const portMethods = {
  postMessage(value, transfer) {
    if (arguments.length === 0) {
      throw nodeError('TypeError', 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
    }
    const st = this[kState];
    const data = structuredClone(value);
    const other = st.other;
    if (st.closed || other === null || other[kState].closed) return;
    other[kState].queue.push(data);
    if (other[kState].started) schedule(other);
  },
  start() { start(this); },
  ref() { this[kState].refed = true; return this; },
  unref() { this[kState].refed = false; return this; },
  hasRef() { return !this[kState].closed && this[kState].refed; },
  close() {
    const st = this[kState];
    if (st.closed) return;
    const other = st.other;
    // Both ends close at once; each gets its 'close' event from its own handle, this one's
    // in the next poll phase, the other's a turn later (an unreferenced port's only if
    // something else keeps the loop going).
    const closeEvent = (port, then) => {
      const refed = port[kState].refed;
      port[kState].closed = true;
      port[kState].queue.length = 0;
      binding.queuePoll(() => {
        port.dispatchEvent(new Event('close'));
        if (then) then();
      }, refed);
    };
    if (other && !other[kState].closed) {
      other[kState].closed = true;
      other[kState].queue.length = 0;
      closeEvent(this, () => closeEvent(other));
    } else {
      closeEvent(this);
    }
  },
};
{
  const proto = MessagePort.prototype;
  const method = (name) => Object.defineProperty(proto, name, {
    value: portMethods[name], writable: true, enumerable: false, configurable: true,
  });
  delete proto.constructor;
  method('postMessage');
  method('start');
  Object.defineProperty(proto, 'constructor', {
    value: MessagePort, writable: true, enumerable: false, configurable: true,
  });
  method('ref');
  method('unref');
  method('hasRef');
  defineEventHandler(proto, 'message');
  defineEventHandler(proto, 'messageerror');
  method('close');
}

class MessageChannel {
  constructor() {
    constructing = true;
    let port1, port2;
    try {
      port1 = new MessagePort();
      port2 = new MessagePort();
    } finally {
      constructing = false;
    }
    port1[kState].other = port2;
    port2[kState].other = port1;
    this.port1 = port1;
    this.port2 = port2;
  }
}

// ---- BroadcastChannel ------------------------------------------------------------------------

const channels = new Map();
const kName = Symbol('kName');
const kClosed = Symbol('kClosed');

class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) throw nodeError('TypeError', 'ERR_MISSING_ARGS', 'The "name" argument must be specified');
    super();
    this[kName] = `${name}`;
    this[kClosed] = false;
    let set = channels.get(this[kName]);
    if (!set) channels.set(this[kName], set = new Set());
    set.add(this);
  }
  get name() { return this[kName]; }
  close() {
    if (this[kClosed]) return;
    this[kClosed] = true;
    channels.get(this[kName])?.delete(this);
  }
  postMessage(message) {
    if (arguments.length === 0) throw nodeError('TypeError', 'ERR_MISSING_ARGS', 'The "message" argument must be specified');
    if (this[kClosed]) {
      throw new DOMException('BroadcastChannel is closed.', 'InvalidStateError');
    }
    const data = structuredClone(message);
    for (const other of channels.get(this[kName]) ?? []) {
      if (other === this) continue;
      binding.queuePoll(() => {
        if (!other[kClosed]) other.dispatchEvent(new MessageEvent('message', { data }));
      }, true);
    }
  }
  ref() { return this; }
  unref() { return this; }
  [inspectCustom](depth, options, inspect) {
    return `BroadcastChannel ${inspect({ name: this[kName], active: !this[kClosed] }, options)}`;
  }
}
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

module.exports = { MessageEvent, MessagePort, MessageChannel, BroadcastChannel };
