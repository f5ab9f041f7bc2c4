// String methods and template literals (no regular expressions).
const title = "  The Quick Brown Fox  ";
console.log(`[${title.trim()}]`);
console.log(`[${title.trimStart()}]`, `[${title.trimEnd()}]`);
console.log(title.trim().toUpperCase(), title.trim().toLowerCase());
console.log(title.trim().length);

const s = "generators are fun";
console.log(s.split(" "));
console.log(s.indexOf("are"), s.lastIndexOf("n"), s.includes("fun"));
console.log(s.startsWith("gen"), s.endsWith("fun"), s.startsWith("are", 11));
console.log(s.slice(0, 10), "|", s.slice(-3), "|", s.substring(4, 1));
console.log(s.charAt(0), s[1], s.charCodeAt(0), s.at(-1));
console.log(s.replace("fun", "great"), s.replaceAll("e", "E"));
console.log("ab".repeat(3), "5".padStart(3, "0"), "x".padEnd(4, "-") + "|");
console.log(String.fromCharCode(72, 105), "A".codePointAt(0));
console.log("a,b,,c".split(","), "abc".split(""));

// Template literals
const item = "coffee";
const price = 3.5;
const qty = 3;
console.log(`${qty} x ${item} = $${(price * qty).toFixed(2)}`);
console.log(`nested: ${`inner ${1 + 1}`}`);
const multi = `line one
line two
  indented line three`;
console.log(multi);
console.log(`${[1, 2, 3]} and ${{}} and ${null} and ${undefined}`);

function tag(strings, ...values) {
    return strings.raw.map((str, i) => str + (i < values.length ? `<${values[i]}>` : "")).join("");
}
console.log(tag`a${1}b${"two"}c`);
console.log(String.raw`no \n escape here`);

// A few small string utilities
function capitalize(word) {
    return word.charAt(0).toUpperCase() + word.slice(1);
}
function titleCase(sentence) {
    return sentence.split(" ").map(capitalize).join(" ");
}
console.log(titleCase("learning javascript one step at a time"));

function isPalindrome(text) {
    const clean = [...text.toLowerCase()].filter((c) => c !== " ").join("");
    return clean === [...clean].reverse().join("");
}
console.log(isPalindrome("Never odd or even"), isPalindrome("generator"));

function countVowels(text) {
    let n = 0;
    for (const ch of text) {
        if ("aeiou".includes(ch)) n++;
    }
    return n;
}
console.log(countVowels("iteration protocol"));
console.log("b" > "a", "B" < "a", "10" < "9", "abc".localeCompare("abd"));
console.log(String(123) + 4, Number("42") + 1, parseInt("17px"), parseFloat("2.5e3"));
