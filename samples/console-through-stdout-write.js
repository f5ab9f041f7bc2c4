// The global console writes each line with process.stdout.write / process.stderr.write,
// read on every line as Node's console does: a script (a test runner) that replaces them
// captures the console's output; what the replacement throws is ignored.
const w = process.stdout.write;
const got = [];
process.stdout.write = function (s, cb) { got.push([s, typeof cb, this === process.stdout]); return true; };
console.log("captured?", 1, { a: [1, 2] });
console.info("info");
console.group("g");
console.log("in group\nline 2");
console.groupEnd();
console.table([{ a: 1 }]);
console.dir({ x: 1 });
process.stdout.write = w;
console.log(JSON.stringify(got));
const ew = process.stderr.write;
const errs = [];
process.stderr.write = (s) => { errs.push(s); return true; };
console.error("to stderr");
console.warn("warn");
console.assert(false, "assertion");
process.stderr.write = () => { throw new Error("swallowed"); };
console.error("lost");
process.stderr.write = ew;
console.log(JSON.stringify(errs));
// The prototype's write: a Writable's write after require('stream').
require("stream");
const w2 = process.stdout.write;
delete process.stdout.write;
console.log("via prototype?", typeof process.stdout.write);
process.stdout.write = w2;
console.log("restored");
