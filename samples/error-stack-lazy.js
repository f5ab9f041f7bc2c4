// Error `stack` is formatted on first read, from the name and message the error has then
// (V8): custom error classes that set `this.name` after `super()` show that name in
// `err.stack` and in console.log, without an extra `{ name: ... }`.
// Stack frames hold file paths, so frame lines are left out of what is printed.
const util = require("util");
const noFrames = (s) =>
  String(s)
    .split("\n")
    .filter((l) => !/^\s+at /.test(l) && !/^\s+\.\.\. \d+ lines? matching/.test(l))
    .join("\n");
const show = (v) => console.log(noFrames(util.inspect(v)));
const head = (e) => console.log(String(e.stack).split("\n")[0]);

class ValidationError extends Error {
  constructor(message) {
    super(message);
    this.name = "ValidationError";
  }
}
class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.name = "HttpError";
    this.status = status;
  }
}
class DbError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = this.constructor.name;
  }
}
class Plain extends Error {}
class FromProto extends Error {}
FromProto.prototype.name = "FromProto";

const v = new ValidationError("Invalid email");
head(v);
show(v);
show({ err: v });
show([v, new HttpError(404, "Not Found")]);
show({ level1: { level2: { error: new ValidationError("deep") } } });
show(new DbError("query failed", { cause: new Error("timeout") }));
head(new Plain("plain"));
show(new Plain("plain"));
head(new FromProto("from the prototype"));
show(new FromProto("from the prototype"));

// The message or name changed before the first read shows; after it, it does not.
const before = new Error("before");
before.message = "after";
head(before);
const read = new Error("first");
read.stack;
read.message = "second";
read.name = "Renamed";
head(read);
show(read);

// Errors thrown by the engine are lazy too.
try {
  null.x;
} catch (e) {
  e.name = "NullError";
  head(e);
  show(e);
}
try {
  undefinedVariable;
} catch (e) {
  e.message = "changed";
  show(e);
}

// AggregateError, empty names and messages, assigned stacks.
const agg = new AggregateError([new ValidationError("a"), new RangeError("b")], "many");
agg.name = "MyAggregate";
show(agg);
const noName = new Error("only the message");
noName.name = "";
head(noName);
const noMessage = new ValidationError("");
head(noMessage);
const assigned = new ValidationError("assigned");
assigned.stack = "a stack set by hand";
show(assigned);

// `stack` looks like an ordinary data property, and only reading its value formats it.
const d = Object.getOwnPropertyDescriptor(new Error("x"), "stack");
console.log(typeof d.value, d.writable, d.enumerable, d.configurable, "get" in d);
console.log(Object.getOwnPropertyNames(new Error("x", { cause: 1 })));
const keysFirst = new Error("orig");
Object.keys(keysFirst);
({ ...keysFirst });
keysFirst.hasOwnProperty("stack");
JSON.stringify(keysFirst);
keysFirst.message = "changed after keys, spread, hasOwnProperty and JSON";
head(keysFirst);
const descFirst = new Error("orig");
Object.getOwnPropertyDescriptor(descFirst, "stack");
descFirst.message = "changed after getOwnPropertyDescriptor";
head(descFirst);

// Error.captureStackTrace follows the same rule.
const target = { message: "on a plain object" };
Error.captureStackTrace(target);
target.name = "Captured";
head(target);
console.log(Object.keys(target), Object.getOwnPropertyNames(target));

Promise.reject(new ValidationError("in a promise")).catch((e) => show(e));
