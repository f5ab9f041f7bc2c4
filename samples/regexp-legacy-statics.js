// RegExp.$1..$9, lastMatch ($&), lastParen ($+), leftContext ($`), rightContext ($') and
// input ($_): the last successful built-in match, as older tutorials use them.
console.log(JSON.stringify([RegExp.$1, RegExp.input, RegExp.lastMatch]));
if (/(\d{3})-(\d{4})/.test('call 555-1234 now')) {
  console.log(RegExp.$1, RegExp.$2, JSON.stringify(RegExp.$3));
  console.log(RegExp.lastMatch, RegExp['$&'], RegExp.lastParen, RegExp['$+']);
  console.log(JSON.stringify([RegExp.leftContext, RegExp['$`'], RegExp.rightContext, RegExp["$'"]]));
  console.log(RegExp.input, RegExp.$_);
}
'abc'.replace(/b/, 'x');
console.log(RegExp.lastMatch, RegExp.leftContext, RegExp.rightContext);
'zzz'.match(/q/);
console.log('failed match keeps:', RegExp.lastMatch);
'a1b2c3'.replace(/\d/g, '#');
console.log(RegExp.lastMatch, RegExp.leftContext);
'x-y-z'.split(/-/);
console.log(RegExp.lastMatch, RegExp.rightContext);
/(a)|(b)/.exec('b');
console.log(JSON.stringify([RegExp.$1, RegExp.$2, RegExp.lastParen]));
'2024-05-06'.match(/(\d+)-(\d+)-(\d+)/);
console.log(`${RegExp.$3}/${RegExp.$2}/${RegExp.$1}`);
RegExp.input = 'assigned';
RegExp.$1 = 'ignored';
console.log(RegExp.input, RegExp.$_, RegExp.$1);
const d = Object.getOwnPropertyDescriptor(RegExp, '$1');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get.name, d.set.name);
console.log(Object.getOwnPropertyNames(RegExp).join(','));
