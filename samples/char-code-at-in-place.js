// `s.charCodeAt(i)` answered in the call node when nothing in the call can be observed;
// every other shape of the call takes the real method.
const s = "héllo 😀";
const out = [];
for (let i = -1; i <= s.length; i++) out.push(s.charCodeAt(i));
console.log(out.join(" "));
console.log(s.charCodeAt(), s.charCodeAt(undefined), s.charCodeAt(0.99), s.charCodeAt(-0.99));
console.log(s.charCodeAt(NaN), s.charCodeAt(Infinity), s.charCodeAt(-Infinity), s.charCodeAt(2 ** 53));
console.log(s.charCodeAt("1"), s.charCodeAt(true), s.charCodeAt(null), s.charCodeAt([2]));
console.log(s.charCodeAt({ valueOf() { console.log("valueOf runs"); return 1; } }));
try {
  s.charCodeAt(Symbol("x"));
} catch (e) {
  console.log(e.constructor.name, e.message);
}
try {
  s.charCodeAt(1n);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
console.log(new String("ab").charCodeAt(1), String.prototype.charCodeAt.call(12, 1));
console.log("".charCodeAt(0), s.charCodeAt(1, "ignored", console.log("args run")));

// Replaced, wrapped and inherited methods are called.
const original = String.prototype.charCodeAt;
String.prototype.charCodeAt = function (i) {
  return "replaced " + original.call(this, i);
};
console.log(s.charCodeAt(0));
String.prototype.charCodeAt = original;
console.log(s.charCodeAt(0));
const { charCodeAt } = String.prototype;
try {
  charCodeAt(0);
} catch (e) {
  console.log(e.constructor.name, e.message);
}

// A stack seen from inside a valueOf shows the method's frame.
s.charCodeAt({
  valueOf() {
    console.log(new Error("inside").stack.split("\n")[2].trim().split(" (")[0]);
    return 0;
  },
});

// Too many arguments overflow the stack as in V8, even for calls answered in place.
for (const call of [() => "ab".charCodeAt(...new Array(200000).fill(0)), () => Math.floor(...new Array(200000).fill(1))]) {
  try {
    call();
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
}
