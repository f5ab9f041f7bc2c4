'use strict';
// node:worker_threads for the main thread of a host without workers: the main-thread values
// Node gives (isMainThread, threadId 0, parentPort and workerData null); `new Worker` throws
// ERR_WORKER_UNSUPPORTED_OPERATION (jsgen runs one thread of JavaScript); MessageChannel and
// BroadcastChannel work within the thread (internal/worker_io); the environment-data map
// works within the thread.

const EventEmitter = require('events');

const unsupported = (what) => binding.nodeError('TypeError', 'ERR_WORKER_UNSUPPORTED_OPERATION',
                                                 `${what} is not supported in jsgen (no worker threads)`);

class Worker extends EventEmitter {
  constructor(filename) {
    super();
    if (typeof filename !== 'string' && !(filename instanceof URL)) {
      throw binding.invalidArgType('filename', 'of type string or an instance of URL', filename);
    }
    throw unsupported('new Worker()');
  }
}

const { MessagePort, MessageChannel, BroadcastChannel } = require('internal/worker_io');

const environmentData = new Map();
const untransferable = new WeakSet();

module.exports = {
  isInternalThread: false,
  isMainThread: true,
  MessagePort,
  MessageChannel,
  markAsUncloneable() {},
  markAsUntransferable(obj) {
    if ((typeof obj === 'object' && obj !== null) || typeof obj === 'function') untransferable.add(obj);
  },
  isMarkedAsUntransferable(obj) { return untransferable.has(obj); },
  moveMessagePortToContext() { throw unsupported('moveMessagePortToContext()'); },
  receiveMessageOnPort() { throw unsupported('receiveMessageOnPort()'); },
  resourceLimits: {},
  postMessageToThread() { return Promise.reject(unsupported('postMessageToThread()')); },
  threadId: 0,
  threadName: '',
  SHARE_ENV: Symbol.for('nodejs.worker_threads.SHARE_ENV'),
  Worker,
  parentPort: null,
  workerData: null,
  BroadcastChannel,
  setEnvironmentData(key, value) {
    if (value === undefined) environmentData.delete(key);
    else environmentData.set(key, value);
  },
  getEnvironmentData(key) { return environmentData.get(key); },
};
