let loads = (global.libLoads || 0) + 1;
global.libLoads = loads;
module.exports = {
  describe: () => `lib loaded ${loads} time(s) from ${module.id.replace(__dirname, 'lib')}`,
};
if (true) return; // top-level return ends a CommonJS module
module.exports = 'never';
