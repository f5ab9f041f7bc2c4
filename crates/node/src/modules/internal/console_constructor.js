'use strict';
// The Console class of Node 24's lib/internal/console/constructor.js, for `new
// console.Console(...)` instances: each instance writes to its own streams (through
// `kWriteToConsole`, with its group indentation), keeps its own counts and timers, and formats
// with its own `colorMode`/`inspectOptions`. The global console stays native
// (crates/node/src/console.rs); it counts as an instance (`console instanceof Console`), as
// in Node. console.table's layout is the native renderer's (`binding.consoleTable`).

const {
  codes: { ERR_INVALID_ARG_VALUE },
  nodeError,
  validateArray,
  validateInteger,
  validateObject,
} = require('internal/errors');
const { inspect, formatWithOptions } = binding;

const kMaxGroupIndentation = 1000;
const kCounts = Symbol('counts');
const kGroupIndentationWidth = Symbol('kGroupIndentWidth');
const kFormatForStderr = Symbol('kFormatForStderr');
const kFormatForStdout = Symbol('kFormatForStdout');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kColorMode = Symbol('kColorMode');
const kIsConsole = Symbol('kIsConsole');
const kWriteToConsole = Symbol('kWriteToConsole');
const kBindProperties = Symbol('kBindProperties');
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kUseStdout = Symbol('kUseStdout');
const kUseStderr = Symbol('kUseStderr');
const kGroupIndentationString = Symbol('kGroupIndentationString');

// The global console this module was loaded for (through `console.Console` or
// `require('console')`): native, so it carries no kIsConsole.
const globalConsole = globalThis.console;

function consoleWritableStream(name) {
  return nodeError('TypeError', 'ERR_CONSOLE_WRITABLE_STREAM',
    `Console expects a writable stream instance for ${name}`);
}

function incompatibleOptionPair(a, b) {
  return nodeError('TypeError', 'ERR_INCOMPATIBLE_OPTION_PAIR',
    `Option "${a}" cannot be used in combination with option "${b}"`);
}

function validateOneOf(value, name, oneOf) {
  if (!oneOf.includes(value)) {
    const allowed = oneOf.map((v) => (typeof v === 'string' ? `'${v}'` : String(v))).join(', ');
    throw new ERR_INVALID_ARG_VALUE(name, value, `must be one of: ${allowed}`);
  }
}

function isStackOverflowError(e) {
  return e instanceof RangeError && e.message === 'Maximum call stack size exceeded';
}

// lib/internal/util/colors.js `shouldColorize`: FORCE_COLOR (the process's real environment,
// as the global console reads it) decides alone; otherwise a TTY stream with > 2 colors.
function shouldColorize(stream) {
  const forced = binding.forcedColors();
  if (forced !== undefined) return forced;
  return stream?.isTTY && (
    typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true);
}

const optionsMap = new WeakMap();
function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  if (new.target === undefined) {
    return Reflect.construct(Console, arguments);
  }

  if (!options || typeof options.write === 'function') {
    options = {
      stdout: options,
      stderr: arguments[1],
      ignoreErrors: arguments[2],
    };
  }

  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  if (!stdout || typeof stdout.write !== 'function') {
    throw consoleWritableStream('stdout');
  }
  if (!stderr || typeof stderr.write !== 'function') {
    throw consoleWritableStream('stderr');
  }

  validateOneOf(colorMode, 'colorMode', ['auto', true, false]);

  if (groupIndentation !== undefined) {
    validateInteger(groupIndentation, 'groupIndentation', 0, kMaxGroupIndentation);
  }

  if (inspectOptions !== undefined) {
    validateObject(inspectOptions, 'options.inspectOptions');

    const inspectOptionsMap = binding.kindOf(inspectOptions) === 'map' ?
      inspectOptions : new Map([
        [stdout, inspectOptions],
        [stderr, inspectOptions],
      ]);

    for (const inspectOptions of Map.prototype.values.call(inspectOptionsMap)) {
      if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
        throw incompatibleOptionPair('options.inspectOptions.color', 'colorMode');
      }
    }
    optionsMap.set(this, inspectOptionsMap);
  }

  // Bind the prototype functions to this Console instance (taken from the instance, so that
  // a subclass's overrides are the ones bound).
  for (const key of Object.keys(Console.prototype)) {
    this[key] = Function.prototype.bind.call(this[key], this);
    Object.defineProperty(this[key], 'name', { __proto__: null, value: key });
  }

  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

const consolePropAttributes = {
  writable: true,
  enumerable: false,
  configurable: true,
};

// `global.console instanceof global.console.Console`.
Object.defineProperty(Console, Symbol.hasInstance, {
  __proto__: null,
  value: { [Symbol.hasInstance](instance) {
    return instance === globalConsole || instance[kIsConsole];
  } }[Symbol.hasInstance],
});

const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

function named(key, f) {
  Object.defineProperty(f, 'name', { __proto__: null, value: `[${key.description}]` });
  return f;
}

Object.defineProperties(Console.prototype, {
  [kBindStreamsEager]: {
    __proto__: null,
    ...consolePropAttributes,
    value: named(kBindStreamsEager, function(stdout, stderr) {
      Object.defineProperties(this, {
        '_stdout': { __proto__: null, ...consolePropAttributes, value: stdout },
        '_stderr': { __proto__: null, ...consolePropAttributes, value: stderr },
      });
    }),
  },
  [kBindStreamsLazy]: {
    __proto__: null,
    ...consolePropAttributes,
    value: named(kBindStreamsLazy, function(object) {
      let stdout;
      let stderr;
      Object.defineProperties(this, {
        '_stdout': {
          __proto__: null,
          enumerable: false,
          configurable: true,
          get() { return stdout ||= object.stdout; },
          set(value) { stdout = value; },
        },
        '_stderr': {
          __proto__: null,
          enumerable: false,
          configurable: true,
          get() { return stderr ||= object.stderr; },
          set(value) { stderr = value; },
        },
      });
    }),
  },
  [kBindProperties]: {
    __proto__: null,
    ...consolePropAttributes,
    value: named(kBindProperties, function(ignoreErrors, colorMode, groupIndentation = 2) {
      Object.defineProperties(this, {
        '_stdoutErrorHandler': {
          __proto__: null,
          ...consolePropAttributes,
          value: createWriteErrorHandler(this, kUseStdout),
        },
        '_stderrErrorHandler': {
          __proto__: null,
          ...consolePropAttributes,
          value: createWriteErrorHandler(this, kUseStderr),
        },
        '_ignoreErrors': {
          __proto__: null,
          ...consolePropAttributes,
          value: Boolean(ignoreErrors),
        },
        '_times': { __proto__: null, ...consolePropAttributes, value: new Map() },
        [kCounts]: { __proto__: null, ...consolePropAttributes, value: new Map() },
        [kColorMode]: { __proto__: null, ...consolePropAttributes, value: colorMode },
        [kIsConsole]: { __proto__: null, ...consolePropAttributes, value: true },
        [kGroupIndentationWidth]: {
          __proto__: null,
          ...consolePropAttributes,
          value: groupIndentation,
        },
        [kGroupIndentationString]: {
          __proto__: null,
          ...consolePropAttributes,
          value: '',
        },
        [Symbol.toStringTag]: {
          __proto__: null,
          writable: false,
          enumerable: false,
          configurable: true,
          value: 'console',
        },
      });
    }),
  },
  [kWriteToConsole]: {
    __proto__: null,
    ...consolePropAttributes,
    value: named(kWriteToConsole, function(streamSymbol, string) {
      const ignoreErrors = this._ignoreErrors;
      const groupIndent = this[kGroupIndentationString];

      const useStdout = streamSymbol === kUseStdout;
      const stream = useStdout ? this._stdout : this._stderr;
      const errorHandler = useStdout ? this._stdoutErrorHandler : this._stderrErrorHandler;

      if (groupIndent.length !== 0) {
        if (string.includes('\n')) {
          string = string.replace(/\n/g, `\n${groupIndent}`);
        }
        string = groupIndent + string;
      }
      string += '\n';

      if (ignoreErrors === false) return stream.write(string);

      // process.stdout/stderr: write directly, errors swallowed (for Node's tty streams
      // and sockets the 'error' listener dance below changes nothing, and reading their
      // `listenerCount` would load node:stream in jsgen).
      if (stream === process.stdout || stream === process.stderr) {
        try {
          stream.write(string);
        } catch (e) {
          if (isStackOverflowError(e)) throw e;
        }
        return;
      }

      // Errors thrown by the write (or by a stream without listenerCount) are swallowed; a
      // noop 'error' listener keeps an asynchronous one from being uncaught.
      try {
        if (stream.listenerCount('error') === 0) stream.once('error', noop);
        stream.write(string, errorHandler);
      } catch (e) {
        if (isStackOverflowError(e)) throw e;
      } finally {
        stream.removeListener('error', noop);
      }
    }),
  },
  [kGetInspectOptions]: {
    __proto__: null,
    ...consolePropAttributes,
    value: named(kGetInspectOptions, function(stream) {
      let color = this[kColorMode];
      if (color === 'auto') {
        color = shouldColorize(stream);
      }

      const inspectOptionsMap = optionsMap.get(this);
      const options = inspectOptionsMap ? inspectOptionsMap.get(stream) : undefined;
      if (options) {
        if (options.colors === undefined) {
          options.colors = color;
        }
        return options;
      }

      return color ? kColorInspectOptions : kNoColorInspectOptions;
    }),
  },
  [kFormatForStdout]: {
    __proto__: null,
    ...consolePropAttributes,
    value: named(kFormatForStdout, function(args) {
      if (args.length === 1 && typeof args[0] === 'string') return args[0];
      const opts = this[kGetInspectOptions](this._stdout);
      args.unshift(opts);
      return Reflect.apply(formatWithOptions, null, args);
    }),
  },
  [kFormatForStderr]: {
    __proto__: null,
    ...consolePropAttributes,
    value: named(kFormatForStderr, function(args) {
      if (args.length === 1 && typeof args[0] === 'string') return args[0];
      const opts = this[kGetInspectOptions](this._stderr);
      args.unshift(opts);
      return Reflect.apply(formatWithOptions, null, args);
    }),
  },
});

// The callback passed to `stream.write()`.
function createWriteErrorHandler(instance, streamSymbol) {
  return (err) => {
    const stream = streamSymbol === kUseStdout ? instance._stdout : instance._stderr;
    if (err !== null && !stream._writableState.errorEmitted) {
      if (stream.listenerCount('error') === 0) {
        stream.once('error', noop);
      }
    }
  };
}

// lib/internal/util/debuglog.js: console.time's store and format.
function pad(value) {
  return `${value}`.padStart(2, '0');
}

const kSecond = 1000;
const kMinute = 60 * kSecond;
const kHour = 60 * kMinute;

function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= kSecond) {
    if (ms >= kMinute) {
      if (ms >= kHour) {
        hours = Math.floor(ms / kHour);
        ms = ms % kHour;
      }
      minutes = Math.floor(ms / kMinute);
      ms = ms % kMinute;
    }
    seconds = ms / kSecond;
  }
  if (hours !== 0 || minutes !== 0) {
    ({ 0: seconds, 1: ms } = seconds.toFixed(3).split('.', 2));
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(seconds)}.${ms} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) {
    return `${seconds.toFixed(3)}s`;
  }
  return `${Number(ms.toFixed(3))}ms`;
}

function timeLogImplStore(timesStore, implementation, logImp, label, args) {
  const time = timesStore.get(label);
  if (time === undefined) {
    process.emitWarning(`No such label '${label}' for ${implementation}`);
    return;
  }
  const duration = process.hrtime(time);
  const ms = duration[0] * 1000 + duration[1] / 1e6;
  const formatted = formatTime(ms);
  if (args === undefined) {
    logImp(label, formatted);
  } else {
    logImp(label, formatted, args);
  }
}

function timeLogImpl(consoleRef, label, formatted, args) {
  if (args === undefined) {
    consoleRef.log('%s: %s', label, formatted);
  } else {
    consoleRef.log('%s: %s', label, formatted, ...args);
  }
}

const consoleMethods = {
  log(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  info(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  debug(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  warn(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  error(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  dir(object, options) {
    this[kWriteToConsole](kUseStdout, inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, process.hrtime());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    timeLogImplStore(this._times, 'console.timeEnd()',
      (label, formatted, args) => timeLogImpl(this, label, formatted, args), label);
    this._times.delete(label);
  },

  timeLog(label = 'default', ...data) {
    label = `${label}`;
    timeLogImplStore(this._times, 'console.timeLog()',
      (label, formatted, args) => timeLogImpl(this, label, formatted, args), label, data);
  },

  trace: function trace(...args) {
    const err = {
      name: 'Trace',
      message: this[kFormatForStderr](args),
    };
    Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },

  assert(expression, ...args) {
    if (!expression) {
      if (args.length && typeof args[0] === 'string') {
        args[0] = `Assertion failed: ${args[0]}`;
      } else {
        args.unshift('Assertion failed');
      }
      // The arguments are formatted in warn().
      Reflect.apply(this.warn, this, args);
    }
  },

  clear() {
    // Only a TTY is cleared: cursorTo(0, 0), then clearScreenDown.
    if (this._stdout.isTTY && binding.termIsDumb() === false) {
      this._stdout.write('\x1b[1;1H');
      this._stdout.write('\x1b[0J');
    }
  },

  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    if (count === undefined)
      count = 1;
    else
      count++;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },

  group(...data) {
    if (data.length > 0) {
      Reflect.apply(this.log, this, data);
    }
    this[kGroupIndentationString] += ' '.repeat(this[kGroupIndentationWidth]);
  },

  groupEnd() {
    const currentIndentation = this[kGroupIndentationString];
    this[kGroupIndentationString] = currentIndentation.slice(
      0, currentIndentation.length - this[kGroupIndentationWidth]);
  },

  table(tabularData, properties) {
    if (properties !== undefined)
      validateArray(properties, 'properties');

    if (tabularData === null || typeof tabularData !== 'object')
      return this.log(tabularData);

    return this.log(binding.consoleTable(tabularData, properties,
      this[kGetInspectOptions](this._stdout)));
  },
};

function noop() {}

for (const method of Reflect.ownKeys(consoleMethods))
  Console.prototype[method] = consoleMethods[method];

Console.prototype.dirxml = Console.prototype.log;
Console.prototype.groupCollapsed = Console.prototype.group;

module.exports = {
  Console,
  kBindStreamsLazy,
  kBindProperties,
};
