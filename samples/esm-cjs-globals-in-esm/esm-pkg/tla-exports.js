await 0;
exports.z = 1;
