'use strict';
// node:string_decoder over the decoder the streams use (utf8, utf16le, latin1, ascii,
// base64, base64url, hex).
const { StringDecoder } = require('stream')._jsgen;
module.exports = { StringDecoder };
