// A Console writing to the process's own streams (the commonest use of console.Console in
// tutorials): every method, with its own groups and counters.
const { Console } = require('console');
const c = new Console(process.stdout, process.stderr);
c.log('x', { a: 1 });
c.table([{ a: 1, b: 2 }, { a: 3 }]);
c.group('group');
c.info('in the group');
c.count();
c.count('k');
c.countReset('k');
c.count('k');
c.groupEnd();
c.dir({ deep: { deeper: { deepest: 1 } } }, { depth: 0 });
c.error('to stderr');
c.assert(1 === 1, 'not printed');
const d = new Console({ stdout: process.stdout, groupIndentation: 4 });
d.group('four spaces');
d.log('indented');
d.groupEnd();
console.log(console instanceof Console, c instanceof Console, typeof console.Console);
