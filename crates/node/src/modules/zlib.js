'use strict';
// node:zlib, after Node v24's lib/zlib.js (MIT, Copyright Node.js contributors), over natives
// in crates/node/src/zlib.rs (flate2): deflate/inflate, raw, gzip/gunzip and unzip as sync
// calls, callbacks (on the I/O pool, delivered in the poll phase) and Transform streams, and
// crc32. The streams collect their input and (de)compress it at the end, so they emit one
// chunk. Compressed bytes come from miniz_oxide and may differ from Node's zlib (they are
// valid and decompress to the same data); decompression is exact. Brotli and Zstandard are
// missing: their functions throw ERR_FEATURE_UNAVAILABLE_ON_PLATFORM.

const { Transform } = require('stream');
const { Buffer } = require('buffer');
const { inherits } = require('util');

const constants = JSON.parse('{"Z_NO_FLUSH":0,"Z_PARTIAL_FLUSH":1,"Z_SYNC_FLUSH":2,"Z_FULL_FLUSH":3,"Z_FINISH":4,"Z_BLOCK":5,"Z_OK":0,"Z_STREAM_END":1,"Z_NEED_DICT":2,"Z_ERRNO":-1,"Z_STREAM_ERROR":-2,"Z_DATA_ERROR":-3,"Z_MEM_ERROR":-4,"Z_BUF_ERROR":-5,"Z_VERSION_ERROR":-6,"Z_NO_COMPRESSION":0,"Z_BEST_SPEED":1,"Z_BEST_COMPRESSION":9,"Z_DEFAULT_COMPRESSION":-1,"Z_FILTERED":1,"Z_HUFFMAN_ONLY":2,"Z_RLE":3,"Z_FIXED":4,"Z_DEFAULT_STRATEGY":0,"ZLIB_VERNUM":4897,"DEFLATE":1,"INFLATE":2,"GZIP":3,"GUNZIP":4,"DEFLATERAW":5,"INFLATERAW":6,"UNZIP":7,"BROTLI_DECODE":8,"BROTLI_ENCODE":9,"ZSTD_DECOMPRESS":11,"ZSTD_COMPRESS":10,"Z_MIN_WINDOWBITS":8,"Z_MAX_WINDOWBITS":15,"Z_DEFAULT_WINDOWBITS":15,"Z_MIN_CHUNK":64,"Z_MAX_CHUNK":null,"Z_DEFAULT_CHUNK":16384,"Z_MIN_MEMLEVEL":1,"Z_MAX_MEMLEVEL":9,"Z_DEFAULT_MEMLEVEL":8,"Z_MIN_LEVEL":-1,"Z_MAX_LEVEL":9,"Z_DEFAULT_LEVEL":-1,"BROTLI_OPERATION_PROCESS":0,"BROTLI_OPERATION_FLUSH":1,"BROTLI_OPERATION_FINISH":2,"BROTLI_OPERATION_EMIT_METADATA":3,"BROTLI_PARAM_MODE":0,"BROTLI_MODE_GENERIC":0,"BROTLI_MODE_TEXT":1,"BROTLI_MODE_FONT":2,"BROTLI_DEFAULT_MODE":0,"BROTLI_PARAM_QUALITY":1,"BROTLI_MIN_QUALITY":0,"BROTLI_MAX_QUALITY":11,"BROTLI_DEFAULT_QUALITY":11,"BROTLI_PARAM_LGWIN":2,"BROTLI_MIN_WINDOW_BITS":10,"BROTLI_MAX_WINDOW_BITS":24,"BROTLI_LARGE_MAX_WINDOW_BITS":30,"BROTLI_DEFAULT_WINDOW":22,"BROTLI_PARAM_LGBLOCK":3,"BROTLI_MIN_INPUT_BLOCK_BITS":16,"BROTLI_MAX_INPUT_BLOCK_BITS":24,"BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING":4,"BROTLI_PARAM_SIZE_HINT":5,"BROTLI_PARAM_LARGE_WINDOW":6,"BROTLI_PARAM_NPOSTFIX":7,"BROTLI_PARAM_NDIRECT":8,"BROTLI_DECODER_RESULT_ERROR":0,"BROTLI_DECODER_RESULT_SUCCESS":1,"BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT":2,"BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT":3,"BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION":0,"BROTLI_DECODER_PARAM_LARGE_WINDOW":1,"BROTLI_DECODER_NO_ERROR":0,"BROTLI_DECODER_SUCCESS":1,"BROTLI_DECODER_NEEDS_MORE_INPUT":2,"BROTLI_DECODER_NEEDS_MORE_OUTPUT":3,"BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_NIBBLE":-1,"BROTLI_DECODER_ERROR_FORMAT_RESERVED":-2,"BROTLI_DECODER_ERROR_FORMAT_EXUBERANT_META_NIBBLE":-3,"BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_ALPHABET":-4,"BROTLI_DECODER_ERROR_FORMAT_SIMPLE_HUFFMAN_SAME":-5,"BROTLI_DECODER_ERROR_FORMAT_CL_SPACE":-6,"BROTLI_DECODER_ERROR_FORMAT_HUFFMAN_SPACE":-7,"BROTLI_DECODER_ERROR_FORMAT_CONTEXT_MAP_REPEAT":-8,"BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_1":-9,"BROTLI_DECODER_ERROR_FORMAT_BLOCK_LENGTH_2":-10,"BROTLI_DECODER_ERROR_FORMAT_TRANSFORM":-11,"BROTLI_DECODER_ERROR_FORMAT_DICTIONARY":-12,"BROTLI_DECODER_ERROR_FORMAT_WINDOW_BITS":-13,"BROTLI_DECODER_ERROR_FORMAT_PADDING_1":-14,"BROTLI_DECODER_ERROR_FORMAT_PADDING_2":-15,"BROTLI_DECODER_ERROR_FORMAT_DISTANCE":-16,"BROTLI_DECODER_ERROR_FORMAT_BLOCK_SWITCH":-17,"BROTLI_DECODER_ERROR_DICTIONARY_NOT_SET":-19,"BROTLI_DECODER_ERROR_INVALID_ARGUMENTS":-20,"BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MODES":-21,"BROTLI_DECODER_ERROR_ALLOC_TREE_GROUPS":-22,"BROTLI_DECODER_ERROR_ALLOC_CONTEXT_MAP":-25,"BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_1":-26,"BROTLI_DECODER_ERROR_ALLOC_RING_BUFFER_2":-27,"BROTLI_DECODER_ERROR_ALLOC_BLOCK_TYPE_TREES":-30,"BROTLI_DECODER_ERROR_UNREACHABLE":-31,"ZSTD_e_continue":0,"ZSTD_e_flush":1,"ZSTD_e_end":2,"ZSTD_fast":1,"ZSTD_dfast":2,"ZSTD_greedy":3,"ZSTD_lazy":4,"ZSTD_lazy2":5,"ZSTD_btlazy2":6,"ZSTD_btopt":7,"ZSTD_btultra":8,"ZSTD_btultra2":9,"ZSTD_c_compressionLevel":100,"ZSTD_c_windowLog":101,"ZSTD_c_hashLog":102,"ZSTD_c_chainLog":103,"ZSTD_c_searchLog":104,"ZSTD_c_minMatch":105,"ZSTD_c_targetLength":106,"ZSTD_c_strategy":107,"ZSTD_c_enableLongDistanceMatching":160,"ZSTD_c_ldmHashLog":161,"ZSTD_c_ldmMinMatch":162,"ZSTD_c_ldmBucketSizeLog":163,"ZSTD_c_ldmHashRateLog":164,"ZSTD_c_contentSizeFlag":200,"ZSTD_c_checksumFlag":201,"ZSTD_c_dictIDFlag":202,"ZSTD_c_nbWorkers":400,"ZSTD_c_jobSize":401,"ZSTD_c_overlapLog":402,"ZSTD_d_windowLogMax":100,"ZSTD_CLEVEL_DEFAULT":3,"ZSTD_error_no_error":0,"ZSTD_error_GENERIC":1,"ZSTD_error_prefix_unknown":10,"ZSTD_error_version_unsupported":12,"ZSTD_error_frameParameter_unsupported":14,"ZSTD_error_frameParameter_windowTooLarge":16,"ZSTD_error_corruption_detected":20,"ZSTD_error_checksum_wrong":22,"ZSTD_error_literals_headerWrong":24,"ZSTD_error_dictionary_corrupted":30,"ZSTD_error_dictionary_wrong":32,"ZSTD_error_dictionaryCreation_failed":34,"ZSTD_error_parameter_unsupported":40,"ZSTD_error_parameter_combination_unsupported":41,"ZSTD_error_parameter_outOfBound":42,"ZSTD_error_tableLog_tooLarge":44,"ZSTD_error_maxSymbolValue_tooLarge":46,"ZSTD_error_maxSymbolValue_tooSmall":48,"ZSTD_error_stabilityCondition_notRespected":50,"ZSTD_error_stage_wrong":60,"ZSTD_error_init_missing":62,"ZSTD_error_memory_allocation":64,"ZSTD_error_workSpace_tooSmall":66,"ZSTD_error_dstSize_tooSmall":70,"ZSTD_error_srcSize_wrong":72,"ZSTD_error_dstBuffer_null":74,"ZSTD_error_noForwardProgress_destFull":80,"ZSTD_error_noForwardProgress_inputEmpty":82}');
Object.freeze(constants);

const codes = {
  Z_OK: constants.Z_OK,
  Z_STREAM_END: constants.Z_STREAM_END,
  Z_NEED_DICT: constants.Z_NEED_DICT,
  Z_ERRNO: constants.Z_ERRNO,
  Z_STREAM_ERROR: constants.Z_STREAM_ERROR,
  Z_DATA_ERROR: constants.Z_DATA_ERROR,
  Z_MEM_ERROR: constants.Z_MEM_ERROR,
  Z_BUF_ERROR: constants.Z_BUF_ERROR,
  Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
};
for (const ckey of Object.keys(codes)) codes[codes[ckey]] = ckey;
Object.freeze(codes);

function toBytes(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (ArrayBuffer.isView(buffer)) return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
  throw binding.invalidArgType('buffer', 'of type string or an instance of Buffer, TypedArray, DataView, or ArrayBuffer', buffer);
}

const toBuffer = (u8) => Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);

function levelOf(opts) {
  const level = opts?.level;
  if (level === undefined) return -1;
  if (typeof level !== 'number' || !Number.isInteger(level) || level < -1 || level > 9) {
    throw binding.nodeError('RangeError', 'ERR_OUT_OF_RANGE',
      `The value of "options.level" is out of range. It must be >= -1 and <= 9. Received ${level}`);
  }
  return level;
}

function finishOutput(buf, opts) {
  const b = toBuffer(buf);
  if (opts?.info) return { buffer: b, engine: undefined };
  return b;
}

function syncFn(mode) {
  return function syncBufferWrapper(buffer, opts) {
    return finishOutput(binding.zlibSync(mode, toBytes(buffer), levelOf(opts)), opts);
  };
}

function asyncFn(mode) {
  return function asyncBufferWrapper(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    if (typeof callback !== 'function') throw binding.invalidArgType('callback', 'of type function', callback);
    const input = toBytes(buffer);
    const level = levelOf(opts);
    binding.zlibAsync((_, [err, out]) => {
      if (err) callback(err);
      else callback(null, finishOutput(out, opts));
    }, mode, input, level);
  };
}

// The stream classes: Transforms that collect their input and (de)compress it at the end.
function Zlib(opts, mode) {
  Transform.call(this, { ...opts, objectMode: false });
  this._mode = mode;
  this._level = levelOf(opts);
  this._chunks = [];
  this.bytesWritten = 0;
  this._finishFlushFlag = opts?.finishFlush ?? constants.Z_FINISH;
  this._chunkSize = Number.isInteger(opts?.chunkSize) && opts.chunkSize >= constants.Z_MIN_CHUNK
    ? opts.chunkSize : constants.Z_DEFAULT_CHUNK;
}
inherits(Zlib, Transform);

Zlib.prototype._transform = function(chunk, encoding, cb) {
  const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
  this._chunks.push(bytes);
  this.bytesWritten += bytes.length;
  cb();
};

Zlib.prototype._flush = function(cb) {
  let out;
  try {
    out = binding.zlibSync(this._mode, Buffer.concat(this._chunks), this._level);
  } catch (err) {
    cb(err);
    return;
  }
  this._chunks = [];
  // Node's chunks: zlib writes a deflate or gzip header (2 or 10 bytes) on the first write
  // that has data, then output leaves in `chunkSize` pieces (16 KiB by default).
  let at = 0;
  const header = this.bytesWritten > 0 ? (this._mode === constants.DEFLATE ? 2 : this._mode === constants.GZIP ? 10 : 0) : 0;
  if (header > 0 && out.length > header) {
    this.push(toBuffer(out.subarray(0, header)));
    at = header;
  }
  const size = this._chunkSize;
  for (; at < out.length; at += size) this.push(toBuffer(out.subarray(at, Math.min(out.length, at + size))));
  cb();
};

Zlib.prototype.flush = function(kind, callback) {
  if (typeof kind === 'function') callback = kind;
  if (typeof callback === 'function') process.nextTick(callback);
};
Zlib.prototype.params = function(level, strategy, callback) {
  this._level = level;
  if (typeof callback === 'function') process.nextTick(callback);
};
Zlib.prototype.reset = function() { this._chunks = []; };
Zlib.prototype.close = function(callback) {
  if (callback) process.nextTick(callback);
  this.destroy();
};

const classes = {};
for (const [name, mode] of [['Deflate', constants.DEFLATE], ['Inflate', constants.INFLATE],
  ['Gzip', constants.GZIP], ['Gunzip', constants.GUNZIP], ['DeflateRaw', constants.DEFLATERAW],
  ['InflateRaw', constants.INFLATERAW], ['Unzip', constants.UNZIP]]) {
  const ctor = function(opts) {
    if (!(this instanceof ctor)) return new ctor(opts);
    Zlib.call(this, opts, mode);
  };
  Object.defineProperty(ctor, 'name', { __proto__: null, value: name });
  inherits(ctor, Zlib);
  classes[name] = ctor;
}

const unavailable = (what) => () => {
  throw binding.nodeError('TypeError', 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
    `The feature zlib.${what} is unavailable on the current platform, which is being used to run Node.js`);
};

function crc32(data, value = 0) {
  if (typeof data !== 'string' && !ArrayBuffer.isView(data)) {
    throw binding.invalidArgType('data', 'of type string or an instance of Buffer, TypedArray, or DataView', data);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 4294967295) {
    throw binding.invalidArgType('value', 'of type number', value);
  }
  return binding.crc32(toBytes(data), value);
}

const C = constants;
module.exports = {
  crc32,
  Deflate: classes.Deflate,
  Inflate: classes.Inflate,
  Gzip: classes.Gzip,
  Gunzip: classes.Gunzip,
  DeflateRaw: classes.DeflateRaw,
  InflateRaw: classes.InflateRaw,
  Unzip: classes.Unzip,
  BrotliCompress: unavailable('BrotliCompress'),
  BrotliDecompress: unavailable('BrotliDecompress'),
  ZstdCompress: unavailable('ZstdCompress'),
  ZstdDecompress: unavailable('ZstdDecompress'),
  deflate: asyncFn(C.DEFLATE),
  deflateSync: syncFn(C.DEFLATE),
  gzip: asyncFn(C.GZIP),
  gzipSync: syncFn(C.GZIP),
  deflateRaw: asyncFn(C.DEFLATERAW),
  deflateRawSync: syncFn(C.DEFLATERAW),
  unzip: asyncFn(C.UNZIP),
  unzipSync: syncFn(C.UNZIP),
  inflate: asyncFn(C.INFLATE),
  inflateSync: syncFn(C.INFLATE),
  gunzip: asyncFn(C.GUNZIP),
  gunzipSync: syncFn(C.GUNZIP),
  inflateRaw: asyncFn(C.INFLATERAW),
  inflateRawSync: syncFn(C.INFLATERAW),
  brotliCompress: unavailable('brotliCompress'),
  brotliCompressSync: unavailable('brotliCompressSync'),
  brotliDecompress: unavailable('brotliDecompress'),
  brotliDecompressSync: unavailable('brotliDecompressSync'),
  zstdCompress: unavailable('zstdCompress'),
  zstdCompressSync: unavailable('zstdCompressSync'),
  zstdDecompress: unavailable('zstdDecompress'),
  zstdDecompressSync: unavailable('zstdDecompressSync'),
  createDeflate: (o) => new classes.Deflate(o),
  createInflate: (o) => new classes.Inflate(o),
  createDeflateRaw: (o) => new classes.DeflateRaw(o),
  createInflateRaw: (o) => new classes.InflateRaw(o),
  createGzip: (o) => new classes.Gzip(o),
  createGunzip: (o) => new classes.Gunzip(o),
  createUnzip: (o) => new classes.Unzip(o),
  createBrotliCompress: unavailable('createBrotliCompress'),
  createBrotliDecompress: unavailable('createBrotliDecompress'),
  createZstdCompress: unavailable('createZstdCompress'),
  createZstdDecompress: unavailable('createZstdDecompress'),
  constants,
  codes,
};
