exports.double = (x) => x * 2;
exports.kind = 'commonjs';
