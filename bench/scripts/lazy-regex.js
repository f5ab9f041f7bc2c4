// Non-greedy quantifiers over one long line (HTML/Markdown scrapers, `marked`'s inline rules):
// each match should cost its own length, not the rest of the input.
const line = ("<a>" + "x".repeat(28) + "</a> ").repeat(20000);
let n = 0;
let len = 0;
for (const m of line.matchAll(/<a>(.+?)<\/a>/g)) {
  n++;
  len += m[1].length;
}
const words = line.replace(/<.*?>/g, "").split(" ").length;
console.log(n, len, words);
