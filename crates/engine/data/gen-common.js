// What the Intl data generators share (run them with the reference Node; see each one).
'use strict';
const fs = require('fs');
const { execFileSync } = require('child_process');

// The languages jsgen ships Intl data for (src/intl_languages.rs).
exports.languages = () => {
  const src = fs.readFileSync(__dirname + '/../src/intl_languages.rs', 'utf8');
  return JSON.parse(src.slice(src.indexOf('= "') + 2, src.lastIndexOf(';'))).split(' ');
};

// A Rust string literal; zero-width characters escaped (clippy's invisible_characters: km's
// date glue has U+200B).
exports.rust = (s) => JSON.stringify(s).replace(/[\u200b-\u200d\u00ad\u2060\ufeff]/g,
  (c) => `\\u{${c.charCodeAt(0).toString(16).toUpperCase()}}`);

// Runs `script LOCALE` in one child process per locale (the reference Node aborts
// ("unreachable code") after many DateTimeFormats in one process) and returns
// `[locale, parsed JSON it printed]` in order; a locale whose child failed is left out (Node
// itself aborts on some, e.g. ksh: ICU4X's data stays for them).
exports.perLocale = (script, locales) => {
  const out = [];
  for (const l of locales) {
    try {
      out.push([l, JSON.parse(execFileSync(process.execPath, [script, l],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }))]);
    } catch (e) {
      // left out
    }
  }
  return out;
};
