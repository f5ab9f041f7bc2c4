// Stack frames of anonymous functions assigned to properties: V8 names them after the
// assignment target (its FuncNameInferrer), as ES5-style and compiled libraries (tslib's
// __extends, Babel, CommonJS `exports.x = function`) define nearly all their methods.
const clean = (s) => s.split(__filename).join('<file>');
const at = () => clean(new Error('x').stack.split('\n')[2].trim());
const call = (f) => f();

var __extends = function (d, b) {
  Object.setPrototypeOf(d, b);
  function __() { this.constructor = d; }
  d.prototype = (__.prototype = b.prototype, new __());
};
var Subscriber = (function () {
  function Subscriber() {}
  Subscriber.prototype.complete = function () { return this._complete(); };
  Subscriber.prototype._complete = function () { return new Error('done').stack; };
  return Subscriber;
})();
var SafeSubscriber = (function (_super) {
  __extends(SafeSubscriber, _super);
  function SafeSubscriber() { return _super.call(this) || this; }
  return SafeSubscriber;
})(Subscriber);
console.log(clean(new SafeSubscriber().complete()).split('\n').slice(0, 3).join('\n'));

const x = { y: {} };
x.y.z = function () { return at(); };
console.log(x.y.z(), '|', call(x.y.z));
const w = { q: x.y.z };
console.log(w.q());
exports.foo = function () { return at(); };
module.exports.bar = () => at();
console.log(exports.foo(), '|', module.exports.bar());
function C() {}
C.prototype.m = function () { return at(); };
C.prototype['k' + 1] = function () { return at(); };
C.prototype['lit'] = function () { return at(); };
C.s = function () { return at(); };
console.log(new C().m(), '|', new C().k1(), '|', new C().lit(), '|', C.s());
this.t = function () { return at(); };
console.log(this.t());
x.named = function nm() { return at(); };
x.p = 1 ? function () { return at(); } : null;
x.q ||= function () { return at(); };
console.log(x.named(), '|', x.p(), '|', x.q());
x.y.z2 = x.y.z3 = function () { return at(); };
console.log(x.y.z2());
const k = 'a';
x[k] = {};
x[k].g = function () { return at(); };
const arr = [0];
arr[0] = function () { return at(); };
console.log(x.a.g(), '|', arr[0]());
x.c = class { m() { return at(); } };
x.d = class { static s() { return at(); } };
console.log(new x.c().m(), '|', x.d.s());
// Not inferred: a function returned by a call, a bound function, a `name` of its own.
x.i = (function () { return function () { return at(); }; })();
x.r = function () { return at(); }.bind(x);
console.log(x.i(), '|', x.r());
console.log(x.y.z.name === '', C.prototype.m.name === '', x.c.name === '');
C.prototype.gen = function* () { yield at(); };
console.log(new C().gen().next().value);
C.prototype.am = async function () { await null; return at(); };
new C().am().then((v) => console.log(v));

// The innermost enclosing function's own name joins in when it starts with a capital letter
// (V8 pushes it as a constructor's name when it compiles that function lazily).
function OperatorSubscriber() {
  var _this = this;
  _this._next = function () { return at(); };
  this.finish = function () { return at(); };
}
const op = new OperatorSubscriber();
console.log(op._next(), '|', op.finish());
const Bar = function () { x.v = function () { return at(); }; };
Bar();
class Z { constructor() { x.k = function () { return at(); }; } }
new Z();
const Make = () => { x.m2 = () => at(); };
Make();
console.log(x.v(), '|', x.k(), '|', x.m2());
function lower() { x.t = function () { return at(); }; }
lower();
x.W = function () { x.h = function () { return at(); }; };
x.W();
function _Under() { x.u = function () { return at(); }; }
_Under();
console.log(x.t(), '|', x.h(), '|', x.u());
// The last literal of an array or a comma expression.
x.arr = [function () { return at(); }, () => at()];
x.seq = (0, function () { return at(); });
console.log(x.arr[0](), '|', x.arr[1](), '|', x.seq());
