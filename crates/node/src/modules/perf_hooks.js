// node:perf_hooks — the `performance` global as a module.
'use strict';
const { PerformanceObserver, PerformanceObserverEntryList } = require('internal/perf/observe');
module.exports = {
  PerformanceEntry: globalThis.PerformanceEntry,
  PerformanceMark: globalThis.PerformanceMark,
  PerformanceMeasure: globalThis.PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  performance: globalThis.performance,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4,
    NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16,
  },
};
