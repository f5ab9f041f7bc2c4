// Where a stack trace places each kind of call: the callee's name, a method's property
// name (not for reserved-word names, which V8 places at the `(`), a private method's name,
// the `(` after any other callee, inside optional chains too.
function where() {
  const line = new Error().stack.split("\n")[2];
  return line.slice(line.lastIndexOf(":", line.lastIndexOf(":") - 1) + 1).replace(")", "");
}
const o = {
  m: where,
  throw: where,
  catch: where,
  return: where,
  delete: where,
  yield: where,
  let: where,
  static: where,
  await: where,
  super: where,
  ["名前"]: where,
  café: where,
};
class K {
  #p() { return where(); }
  run() { return this.#p(); }
}
const f = where;
console.log("plain      ", f());
console.log("method     ", o.m());
console.log("throw      ", o.throw());
console.log("catch      ", o.catch());
console.log("return     ", o.return());
console.log("delete     ", o.delete());
console.log("yield      ", o.yield());
console.log("let        ", o.let());
console.log("static     ", o.static());
console.log("await      ", o.await());
console.log("super      ", o.super());
console.log("non-ascii  ", o.名前());
console.log("accented   ", o.café());
console.log("computed   ", o["m"]());
console.log("paren      ", (o.m)());
console.log("comma      ", (0, o.m)());
console.log("private    ", new K().run());
console.log("optional   ", o?.m());
console.log("opt call   ", o.m?.());
console.log("opt chain  ", o?.m?.());
console.log("call call  ", (() => where)()());
console.log("template   ", `${o.m()}`);
console.log("spread     ", o.m(...[]));
console.log("multi-line ", o
  .m());
// A call made with `?.` is placed at its `(`, whatever the callee.
console.log("opt ident  ", f?.());
console.log("opt spaced ", o.m ?. ());
console.log("opt throw  ", o.throw?.());
console.log("opt index  ", o?.["m"]?.());
console.log("opt then   ", o?.m.call(o));
