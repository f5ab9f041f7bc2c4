// CreateDataProperty on arrays (Array.from, map, filter, of, slice, flat): the new
// elements, and the errors when the target array is sealed, frozen, not extensible or has
// a read-only length or element.
function make(target) { return function () { return target; }; }
const sealed = Object.seal([1, 2, 3]);
try { Array.from.call(make(sealed), [9, 8]); console.log("no error", sealed); } catch (e) { console.log(e.constructor.name, e.message); }
const frozen = Object.freeze([1, 2, 3]);
try { Array.from.call(make(frozen), [9]); console.log("no error", frozen); } catch (e) { console.log(e.constructor.name, e.message); }
const nonExt = Object.preventExtensions([1, 2, 3]);
try { Array.from.call(make(nonExt), [9, 8, 7, 6]); console.log("no error", nonExt); } catch (e) { console.log(e.constructor.name, e.message); }
const fixedLen = [1, 2];
Object.defineProperty(fixedLen, "length", { writable: false });
try { Array.from.call(make(fixedLen), [9, 8, 7]); console.log("no error", fixedLen); } catch (e) { console.log(e.constructor.name, e.message); }
const ro = [1, 2, 3];
Object.defineProperty(ro, 1, { writable: false });
try { Array.from.call(make(ro), [9, 8]); console.log("no error", ro); } catch (e) { console.log(e.constructor.name, e.message); }
const holes = [, , ,];
console.log(Array.from.call(make(holes), [1, 2]), holes);
class MyArr extends Array {}
console.log(MyArr.from([1, 2, 3]), MyArr.of(4, 5), [1, 2, 3].map((x) => x * 2), [1, 2, 3, 4].filter((x) => x % 2));
const withSetter = [];
Object.defineProperty(Array.prototype, 0, { set(v) { console.log("setter must not run", v); }, configurable: true });
console.log([5, 6].map((x) => x + 1).length, Array.from([7]).length);
delete Array.prototype[0];
console.log([5, 6].map((x) => x + 1), Array.from([7]), [1, 2, 3].slice(1), [3, 1, 2].toSorted(), [1, [2, [3]]].flat(Infinity));
