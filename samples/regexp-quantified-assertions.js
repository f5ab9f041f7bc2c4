// Assertions take no quantifier (V8: "Nothing to repeat"), lookaheads do without u (Annex B).
for (const p of ['\\b*', '\\B+', '\\b{2}', '^*', '$?', 'a\\b?', '(?=a)*', '(?!a)+', '(?<=a)*', '(?<!a)?', '\\b', 'x{2}']) for (const f of ['', 'u']) {
  try { new RegExp(p, f); console.log(p, f, 'ok'); } catch (e) { console.log(p, f, e.name, e.message); }
}
