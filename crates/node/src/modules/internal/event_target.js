// node:internal/event_target — the WHATWG DOM's Event, CustomEvent and EventTarget as Node 24
// implements them (lib/internal/event_target.js): one target, no propagation path, so an
// event is only ever AT_TARGET while a listener runs; listeners in a linked list per type
// (a listener removed during a dispatch is skipped, one added after the current is reached);
// an exception thrown by a listener is reported on the next tick as an uncaught exception.
'use strict';

const inspectCustom = Symbol.for('nodejs.util.inspect.custom');
const kEvents = Symbol('kEvents');
const kStop = Symbol('kStop');
const kTarget = Symbol('kTarget');
const kHandlers = Symbol('kHandlers');
const kWeakHandler = Symbol('kWeak');
const kResistStopPropagation = Symbol('kResistStopPropagation');
const kHybridDispatch = Symbol.for('nodejs.internal.kHybridDispatch');
const kRemoveWeakListenerHelper = Symbol('nodejs.internal.removeWeakListenerHelper');
const kCreateEvent = Symbol('kCreateEvent');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
const kIsNodeStyleListener = Symbol('kIsNodeStyleListener');
const kTrustEvent = Symbol('kTrustEvent');
const kType = Symbol('type');
const kDetail = Symbol('detail');
const kIsBeingDispatched = Symbol('kIsBeingDispatched');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
const kIsEventTarget = Symbol.for('nodejs.event_target');

const isTrustedSet = new WeakSet();
const now = () => globalThis.performance.now();

const { nodeError, invalidArgType, missingArgs, invalidThis } = require('internal/errors');

function validateObjectAllowNull(value, name) {
  if (value !== null && typeof value !== 'object' && typeof value !== 'function') {
    throw invalidArgType(name, 'of type object', value);
  }
}

function isEvent(value) {
  return typeof value?.[kType] === 'string';
}

class Event {
  #cancelable = false;
  #bubbles = false;
  #composed = false;
  #defaultPrevented = false;
  #timestamp = now();
  #propagationStopped = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw missingArgs('type');
    if (options !== undefined) validateObjectAllowNull(options, 'options');
    const { bubbles, cancelable, composed } = { ...options };
    this.#cancelable = !!cancelable;
    this.#bubbles = !!bubbles;
    this.#composed = !!composed;
    this[kType] = `${type}`;
    if (options?.[kTrustEvent]) isTrustedSet.add(this);
    this[kTarget] = null;
    this[kIsBeingDispatched] = false;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw missingArgs('type');
    if (this[kIsBeingDispatched]) return;
    this[kType] = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  [inspectCustom](depth, options) {
    if (!isEvent(this)) throw invalidThis('Event');
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = Object.assign({}, options, {
      depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth,
    });
    return `${name} ${binding.inspect({
      type: this[kType],
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    }, opts)}`;
  }

  stopImmediatePropagation() {
    if (!isEvent(this)) throw invalidThis('Event');
    this.#propagationStopped = true;
    this[kStop] = true;
  }

  preventDefault() {
    if (!isEvent(this)) throw invalidThis('Event');
    this.#defaultPrevented = true;
  }

  get target() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this[kTarget];
  }
  get currentTarget() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this[kIsBeingDispatched] ? this[kTarget] : null;
  }
  get srcElement() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this[kTarget];
  }
  get type() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this[kType];
  }
  get cancelable() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this.#cancelable;
  }
  get defaultPrevented() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this.#cancelable && this.#defaultPrevented;
  }
  get timeStamp() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this.#timestamp;
  }
  composedPath() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this[kIsBeingDispatched] ? [this[kTarget]] : [];
  }
  get returnValue() {
    if (!isEvent(this)) throw invalidThis('Event');
    return !(this.#cancelable && this.#defaultPrevented);
  }
  get bubbles() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this.#bubbles;
  }
  get composed() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this.#composed;
  }
  get eventPhase() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this[kIsBeingDispatched] ? Event.AT_TARGET : Event.NONE;
  }
  get cancelBubble() {
    if (!isEvent(this)) throw invalidThis('Event');
    return this.#propagationStopped;
  }
  set cancelBubble(value) {
    if (!isEvent(this)) throw invalidThis('Event');
    if (value) this.#propagationStopped = true;
  }
  stopPropagation() {
    if (!isEvent(this)) throw invalidThis('Event');
    this.#propagationStopped = true;
  }
  get isTrusted() {
    return isTrustedSet.has(this);
  }
}

const enumerable = { enumerable: true };
Object.defineProperties(Event.prototype, {
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'Event' },
  initEvent: enumerable,
  stopImmediatePropagation: enumerable,
  preventDefault: enumerable,
  target: enumerable,
  currentTarget: enumerable,
  srcElement: enumerable,
  type: enumerable,
  cancelable: enumerable,
  defaultPrevented: enumerable,
  timeStamp: enumerable,
  composedPath: enumerable,
  returnValue: enumerable,
  bubbles: enumerable,
  composed: enumerable,
  eventPhase: enumerable,
  cancelBubble: enumerable,
  stopPropagation: enumerable,
  isTrusted: enumerable,
});
for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1], ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  Object.defineProperty(Event, name, { writable: false, configurable: false, enumerable: true, value });
}

function isCustomEvent(value) {
  return isEvent(value) && value?.[kDetail] !== undefined;
}

class CustomEvent extends Event {
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw missingArgs('type');
    super(type, options);
    this[kDetail] = options?.detail ?? null;
  }
  get detail() {
    if (!isCustomEvent(this)) throw invalidThis('CustomEvent');
    return this[kDetail];
  }
}
Object.defineProperties(CustomEvent.prototype, {
  [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'CustomEvent' },
  detail: enumerable,
});

// One registered listener: a node in its type's list.
class Listener {
  constructor(eventTarget, eventType, previous, listener, once, capture, passive,
              isNodeStyleListener, weak, resistStopPropagation) {
    this.next = undefined;
    if (previous !== undefined) previous.next = this;
    this.previous = previous;
    this.listener = listener;
    this.once = once;
    this.capture = capture;
    this.passive = passive;
    this.isNodeStyleListener = isNodeStyleListener;
    this.removed = false;
    this.weak = Boolean(weak);
    this.resistStopPropagation = Boolean(resistStopPropagation);
    if (typeof listener === 'function') {
      this.callback = listener;
    } else {
      // A handler object: its handleEvent is looked up at each call.
      this.callback = async (...args) => {
        if (listener.handleEvent) await Reflect.apply(listener.handleEvent, listener, args);
      };
    }
  }
  same(listener, capture) {
    return this.listener === listener && this.capture === capture;
  }
  remove() {
    if (this.previous !== undefined) this.previous.next = this.next;
    if (this.next !== undefined) this.next.previous = this.previous;
    this.removed = true;
  }
}

function initEventTarget(self) {
  self[kEvents] = new Map();
  self[kMaxEventTargetListeners] = 10;
  self[kMaxEventTargetListenersWarned] = false;
  self[kHandlers] = new Map();
}

function isEventTarget(obj) {
  return obj?.constructor?.[kIsEventTarget];
}

function validateEventListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true;
  throw invalidArgType('listener', 'an instance of EventListener', listener);
}

function validateEventListenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null) return {};
  if (options === undefined) options = {};
  validateObjectAllowNull(options, 'options');
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    weak: options[kWeakHandler],
    resistStopPropagation: options[kResistStopPropagation] ?? false,
    isNodeStyleListener: Boolean(options[kIsNodeStyleListener]),
  };
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw invalidArgType(name, 'an instance of AbortSignal', signal);
  }
}

function emitUncaughtException(err) {
  process.nextTick(() => { throw err; });
}

function addCatch(promise) {
  const then = promise.then;
  if (typeof then === 'function') {
    then.call(promise, undefined, (err) => emitUncaughtException(err));
  }
}

class EventTarget {
  static [kIsEventTarget] = true;

  constructor() {
    initEventTarget(this);
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    if (this[kMaxEventTargetListeners] > 0 &&
        size > this[kMaxEventTargetListeners] &&
        !this[kMaxEventTargetListenersWarned]) {
      this[kMaxEventTargetListenersWarned] = true;
      binding.emitWarning('MaxListenersExceededWarning',
        'Possible EventTarget memory leak detected. ' +
        `${size} ${type} listeners added to ${binding.inspect(this, { depth: -1 })}. ` +
        `MaxListeners is ${this[kMaxEventTargetListeners]}. Use events.setMaxListeners() to increase limit`);
    }
  }
  [kRemoveListener](size, type, listener, capture) {}

  addEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    if (arguments.length < 2) throw missingArgs('type', 'listener');
    const { once, capture, passive, signal, isNodeStyleListener, weak, resistStopPropagation } =
      validateEventListenerOptions(options);
    validateAbortSignal(signal, 'options.signal');
    if (!validateEventListener(listener)) {
      binding.emitWarning('AddEventListenerArgumentTypeWarning',
        `addEventListener called with ${listener} which has no effect.`);
      return;
    }
    type = typeof type === 'symbol' ? type : `${type}`;
    if (signal) {
      if (signal.aborted) return;
      signal.addEventListener('abort', () => {
        this.removeEventListener(type, listener, options);
      }, { __proto__: null, once: true, [kWeakHandler]: this, [kResistStopPropagation]: true });
    }
    let root = this[kEvents].get(type);
    if (root === undefined) {
      root = { size: 1, next: undefined, resistStopPropagation: Boolean(resistStopPropagation) };
      new Listener(this, type, root, listener, once, capture, passive,
                   isNodeStyleListener, weak, resistStopPropagation);
      this[kNewListener](root.size, type, listener, once, capture, passive, weak);
      this[kEvents].set(type, root);
      return;
    }
    let handler = root.next;
    let previous = root;
    while (handler !== undefined && !handler.same(listener, capture)) {
      previous = handler;
      handler = handler.next;
    }
    if (handler !== undefined) return; // a duplicate
    new Listener(this, type, previous, listener, once, capture, passive,
                 isNodeStyleListener, weak, resistStopPropagation);
    root.size++;
    root.resistStopPropagation ||= Boolean(resistStopPropagation);
    this[kNewListener](root.size, type, listener, once, capture, passive, weak);
  }

  removeEventListener(type, listener, options = undefined) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    if (arguments.length < 2) throw missingArgs('type', 'listener');
    if (!validateEventListener(listener)) return;
    type = typeof type === 'symbol' ? type : `${type}`;
    const capture = options?.capture === true || options === true;
    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) return;
    let handler = root.next;
    while (handler !== undefined) {
      if (handler.same(listener, capture)) {
        handler.remove();
        root.size--;
        if (root.size === 0) this[kEvents].delete(type);
        this[kRemoveListener](root.size, type, listener, capture);
        break;
      }
      handler = handler.next;
    }
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    if (arguments.length < 1) throw missingArgs('event');
    if (!(event instanceof Event)) throw invalidArgType('event', 'an instance of Event', event);
    if (event[kIsBeingDispatched]) {
      throw nodeError('Error', 'ERR_EVENT_RECURSION',
        `The event "${event.type}" is already being dispatched`);
    }
    this[kHybridDispatch](event, event.type, event);
    return event.defaultPrevented !== true;
  }

  [kHybridDispatch](nodeValue, type, event) {
    const createEvent = () => {
      if (event === undefined) {
        event = this[kCreateEvent](nodeValue, type);
        event[kTarget] = this;
        event[kIsBeingDispatched] = true;
      }
      return event;
    };
    if (event !== undefined) {
      event[kTarget] = this;
      event[kIsBeingDispatched] = true;
    }
    const root = this[kEvents].get(type);
    if (root === undefined || root.next === undefined) {
      if (event !== undefined) event[kIsBeingDispatched] = false;
      return true;
    }
    let handler = root.next;
    let next;
    const iterationCondition = () => {
      if (handler === undefined) return false;
      return root.resistStopPropagation || handler.passive || event?.[kStop] !== true;
    };
    while (iterationCondition()) {
      // The next one now, in case this listener removes itself.
      next = handler.next;
      if (handler.removed || (event?.[kStop] === true && !handler.resistStopPropagation)) {
        handler = next;
        continue;
      }
      if (handler.once) {
        handler.remove();
        root.size--;
        const { listener, capture } = handler;
        this[kRemoveListener](root.size, type, listener, capture);
      }
      try {
        let arg;
        if (handler.isNodeStyleListener) arg = nodeValue;
        else arg = createEvent();
        const callback = handler.callback;
        let result;
        if (callback) {
          result = callback.call(this, arg);
          if (!handler.isNodeStyleListener) arg[kIsBeingDispatched] = false;
        }
        if (result !== undefined && result !== null) addCatch(result);
      } catch (err) {
        emitUncaughtException(err);
      }
      handler = next;
    }
    if (event !== undefined) event[kIsBeingDispatched] = false;
  }

  [kCreateEvent](nodeValue, type) {
    return new CustomEvent(type, { detail: nodeValue });
  }

  [inspectCustom](depth, options) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    const name = this.constructor.name;
    if (depth < 0) return name;
    const opts = Object.assign({}, options, {
      depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth,
    });
    return `${name} ${binding.inspect({}, opts)}`;
  }
}

Object.defineProperties(EventTarget.prototype, {
  addEventListener: enumerable,
  removeEventListener: enumerable,
  dispatchEvent: enumerable,
});
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, {
  writable: false, enumerable: false, configurable: true, value: 'EventTarget',
});

// `on<event>` attributes (`signal.onabort = f`): one wrapped listener per name, added when
// first set, whose handler the setter replaces; null removes it.
function makeEventHandler(handler) {
  function eventHandler(...args) {
    if (typeof eventHandler.handler !== 'function') return;
    return Reflect.apply(eventHandler.handler, this, args);
  }
  eventHandler.handler = handler;
  return eventHandler;
}

function defineEventHandler(emitter, name, event = name) {
  function get() {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    return this[kHandlers]?.get(event)?.handler ?? null;
  }
  Object.defineProperty(get, 'name', { value: `get on${name}` });
  function set(value) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    let wrappedHandler = this[kHandlers]?.get(event);
    if (wrappedHandler) {
      if (typeof wrappedHandler.handler === 'function') {
        this[kEvents].get(event).size--;
        const size = this[kEvents].get(event).size;
        this[kRemoveListener](size, event, wrappedHandler.handler, false);
      }
      wrappedHandler.handler = value;
      if (typeof wrappedHandler.handler === 'function') {
        this[kEvents].get(event).size++;
        const size = this[kEvents].get(event).size;
        this[kNewListener](size, event, value, false, false, false, false);
      }
    } else {
      wrappedHandler = makeEventHandler(value);
      this.addEventListener(event, wrappedHandler);
    }
    this[kHandlers].set(event, wrappedHandler);
  }
  Object.defineProperty(set, 'name', { value: `set on${name}` });
  Object.defineProperty(emitter, `on${name}`, { get, set, configurable: true, enumerable: true });
}

// events.getEventListeners(target, type) for an EventTarget.
function getEventTargetListeners(target, type) {
  const root = target[kEvents].get(type);
  const list = [];
  let handler = root?.next;
  while (handler !== undefined) {
    list.push(handler.listener?.handler ?? handler.listener);
    handler = handler.next;
  }
  return list;
}

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  defineEventHandler,
  initEventTarget,
  isEventTarget,
  getEventTargetListeners,
  kEvents,
  kMaxEventTargetListeners,
  kMaxEventTargetListenersWarned,
  kTrustEvent,
  kWeakHandler,
  kResistStopPropagation,
  kNewListener,
  kRemoveListener,
  kCreateEvent,
  kIsNodeStyleListener,
  kHybridDispatch,
};
