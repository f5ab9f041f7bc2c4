// Backtrack stacks reused between lookarounds and sized up front: matches must be the same.
const cases = [
  [/(?=(a+))a*b\1/, "baaabac"],
  [/(?=(\w+?)(\d))\w+/g, "ab12 cd34 x9"],
  [/(?<=\$(\d+)\.)\d+/g, "$10.50 and $3.07"],
  [/(?<!\\)"((?:[^"\\]|\\.)*)"/g, 'say "a\\"b" then "c"'],
  [/^(?=.*\d)(?=.*[a-z])(?!.*\s).{6,}$/, "abc123"],
  [/^(?=.*\d)(?=.*[a-z])(?!.*\s).{6,}$/, "abc 123"],
  [/(?=(?=(a))(?!b)(a)(?<=(a)))a/g, "aaab"],
  [/(?:(?=(\d{3}))\d)+/g, "1234567 89"],
  [/(?<=(?=(x+))x{2})y?/g, "xxxy xy"],
  [/\b(?=(\w*?)(o+))\w+\b/g, "foo bar boo zoo"],
  [/(a(?=b(?=c(?=d))))+/g, "abcdabcd aabcd"],
  [/(?!(a)\1)(\w)(?=\2)/g, "aabbcddx"],
  [/((?=(.))\2){3,}?z/, "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyz"],
  [/(?=([^,]*),)[^,]+,?/g, "one,two,,three,four"],
  [/(.)(?=(?:.\1){40})/, "ab".repeat(60)],
  [/(?=(\w))(?:\1(?!\1))+/gu, "aabbccdd😀😀"],
];
for (const [re, s] of cases) {
  const out = [];
  re.lastIndex = 0;
  if (re.global) {
    for (const m of s.matchAll(re)) out.push([m.index, ...m]);
  } else {
    const m = re.exec(s);
    out.push(m && [m.index, ...m]);
  }
  console.log(String(re), JSON.stringify(out));
}
// A deep backtrack stack (far past the first capacity) inside and outside lookarounds.
const long = "a".repeat(5000) + "b";
console.log(/^(?=(a*)b)(a|b)*$/.test(long), /(a+)+c/.test("a".repeat(22)), /(?=(a+)+b)a/.exec(long)[1].length);
console.log("x".repeat(300).replace(/(?<=(x{3}))x/g, "y").length, "a-b_c d".split(/(?=[-_ ])/));
