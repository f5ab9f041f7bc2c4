'use strict';
// node:v8 without V8: heap statistics from jsgen's allocator (process.memoryUsage(), which
// counts the live bytes of the process's allocations) in V8's shape; serialize/deserialize
// as JSON-compatible structured clones are not V8's wire format, so they are missing, as are
// heap snapshots and coverage.

function getHeapStatistics() {
  const m = process.memoryUsage();
  const limit = binding.heapLimit?.() ?? 4496293888;
  return {
    total_heap_size: m.heapTotal,
    total_heap_size_executable: 262144,
    total_physical_size: m.heapTotal,
    total_available_size: Math.max(0, limit - m.heapUsed),
    used_heap_size: m.heapUsed,
    heap_size_limit: limit,
    malloced_memory: 163928,
    peak_malloced_memory: 141160,
    does_zap_garbage: 0,
    number_of_native_contexts: 1,
    number_of_detached_contexts: 0,
    total_global_handles_size: 8192,
    used_global_handles_size: 2112,
    external_memory: m.external,
  };
}

function getHeapSpaceStatistics() {
  const m = process.memoryUsage();
  return [{
    space_name: 'old_space',
    space_size: m.heapTotal,
    space_used_size: m.heapUsed,
    space_available_size: Math.max(0, m.heapTotal - m.heapUsed),
    physical_space_size: m.heapTotal,
  }];
}

function getHeapCodeStatistics() {
  return { code_and_metadata_size: 0, bytecode_and_metadata_size: 0, external_script_source_size: 0, cpu_profiler_metadata_size: 0 };
}

const missing = (name) => () => {
  throw binding.nodeError('Error', 'ERR_METHOD_NOT_IMPLEMENTED', `The ${name} method is not implemented`);
};

module.exports = {
  cachedDataVersionTag: () => 0,
  getHeapSnapshot: missing('getHeapSnapshot()'),
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString() {},
  deserialize: missing('deserialize()'),
  takeCoverage() {},
  stopCoverage() {},
  serialize: missing('serialize()'),
  writeHeapSnapshot: missing('writeHeapSnapshot()'),
  isStringOneByteRepresentation(s) {
    if (typeof s !== 'string') throw binding.invalidArgType('content', 'of type string', s);
    return !/[^\x00-\xff]/.test(s);
  },
};
