// Explicit resource management: `using` declares a constant whose value is disposed when
// its block ends, however the block ends (normally, by return/break/continue, or by an
// exception). Disposing calls the value's [Symbol.dispose]() method.

// 1. A resource backed by a generator. Iterator.prototype[Symbol.dispose] calls return(),
//    so leaving the block runs the generator's `finally`, closing what it opened.
function* lines(name) {
  console.log(`open ${name}`);
  try {
    yield `${name}: line 1`;
    yield `${name}: line 2`;
    yield `${name}: line 3`;
  } finally {
    console.log(`close ${name}`);
  }
}

function firstLine(name) {
  using reader = lines(name);
  const { value } = reader.next();
  console.log("read", JSON.stringify(value));
  return value; // `reader` is disposed after the return value is computed
}
console.log("returned", firstLine("a.txt"));

// 2. Several resources: disposed in reverse order of declaration. `null` and `undefined`
//    are allowed (nothing to dispose), so a resource can be optional.
class Lock {
  constructor(name) {
    this.name = name;
    console.log(`lock ${name}`);
  }
  [Symbol.dispose]() {
    console.log(`unlock ${this.name}`);
  }
}

{
  using a = new Lock("a");
  using b = new Lock("b"), none = null;
  console.log("holding", a.name, b.name, none);
}

// In `for (using x of ...)` each iteration's value is disposed at the end of that iteration,
// also when `break` leaves the loop.
for (using lock of [new Lock("x"), new Lock("y"), new Lock("z")]) {
  if (lock.name === "z") break;
  console.log("in loop", lock.name);
}

// A `using` binding is constant.
try {
  using fixed = new Lock("const");
  fixed = null;
} catch (e) {
  console.log(e.name + ":", e.message);
}

// 3. DisposableStack gathers cleanups: defer() a callback, adopt() a value that has no
//    dispose method, use() a disposable. They run in reverse order when the stack is
//    disposed; move() hands them over to a new stack (the original becomes disposed).
function openSession() {
  using stack = new DisposableStack();
  stack.defer(() => console.log("deferred: log out"));
  const conn = stack.adopt({ id: 7 }, (c) => console.log(`adopted: release connection ${c.id}`));
  stack.use(new Lock("session"));
  console.log("session uses connection", conn.id);
  // Success: keep the resources alive past this function.
  const owned = stack.move();
  console.log("moved; stack disposed?", stack.disposed, "owned disposed?", owned.disposed);
  return owned;
}
const session = openSession();
console.log(session, Object.prototype.toString.call(session));
session.dispose();
console.log("after dispose", session.disposed);
session.dispose(); // a second dispose() does nothing

// 4. When disposal throws while an exception is already propagating, both are kept: a
//    SuppressedError whose `error` is the new exception and `suppressed` the earlier one.
class Flaky {
  constructor(name) {
    this.name = name;
  }
  [Symbol.dispose]() {
    throw new Error(`cannot close ${this.name}`);
  }
}

try {
  using first = new Flaky("first");
  using second = new Flaky("second");
  throw new Error("work failed");
} catch (e) {
  // `second` is disposed first: its error suppresses "work failed"; then `first`'s error
  // suppresses that SuppressedError.
  console.log(e instanceof SuppressedError, e.name, JSON.stringify(e.message));
  console.log("error:", e.error.message);
  console.log("suppressed:", e.suppressed.name);
  console.log("  error:", e.suppressed.error.message);
  console.log("  suppressed:", e.suppressed.suppressed.message);
}
const made = new SuppressedError(new Error("cleanup"), new Error("original"), "both failed");
console.log(made.message, made.error.message, made.suppressed.message);
console.log(Object.getOwnPropertyNames(made));

// 5. `await using` (in async functions and modules) awaits [Symbol.asyncDispose](); a value
//    with only [Symbol.dispose] works too. AsyncDisposableStack is the async DisposableStack.
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

class Connection {
  static async open(name) {
    await sleep(10);
    console.log(`connected to ${name}`);
    return new Connection(name);
  }
  constructor(name) {
    this.name = name;
  }
  async query(sql) {
    await sleep(5);
    return `${this.name} ran ${sql}`;
  }
  async [Symbol.asyncDispose]() {
    await sleep(5);
    console.log(`disconnected from ${this.name}`);
  }
}

// An async generator is disposed through its return() as well.
async function* ticker() {
  try {
    for (let i = 1; ; i++) {
      await sleep(1);
      yield i;
    }
  } finally {
    console.log("ticker stopped");
  }
}

async function main() {
  {
    await using db = await Connection.open("db");
    using lock = new Lock("db");
    console.log(await db.query("SELECT 1"));
  }
  console.log("after the block: all disposed");

  {
    await using ticks = ticker();
    console.log("tick", (await ticks.next()).value, (await ticks.next()).value);
  }

  const stack = new AsyncDisposableStack();
  stack.defer(async () => {
    await sleep(1);
    console.log("async deferred cleanup");
  });
  stack.use(new Lock("async stack"));
  console.log(stack);
  await stack.disposeAsync();
  console.log("disposed?", stack.disposed);
}

main().then(() => console.log("done"));
