// An error made by a derived class starts its stack at the caller of `new`, whatever the
// class is called: anonymous class expressions included (V8 skips frames until it has seen
// new.target's). With Reflect.construct and a new.target that is not running, no frames.
const clean = (s) => s.split(__filename).join('<file>');
const head = (e) => clean(e.stack).split('\n').slice(0, 3).map((l) => l.trim()).join(' | ');

class Base extends Error { constructor(m) { super(m); this.name = 'Base'; } }
const Mid = class extends Base {};
class Leaf extends Mid { constructor() { super('leaf'); } }
console.log(head(new Leaf()));
console.log(head(new Mid('mid')));
console.log(head(new (class extends Error {})('anonymous class')));
console.log(head(new (class extends Mid {})('anonymous leaf')));
new (function () { console.log(head(new (class extends Error {})('inside a constructor'))); })();
function make() { return new (class extends TypeError {})('from a factory'); }
console.log(head(make()));
console.log(head(Reflect.construct(Error, ['reflect'], class {})));
console.log(head(Reflect.construct(RangeError, ['reflect named'], class Named {})));
const e = new (class extends Error { get name() { return 'Getter'; } })('getter name');
console.log(clean(require('util').inspect(e)).split('\n').slice(0, 2).join('\n'));
