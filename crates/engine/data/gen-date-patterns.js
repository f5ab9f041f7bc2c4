// Generates crates/engine/src/intl_date_patterns.rs: the patterns ICU's DateTimePatternGenerator
// picks (CLDR `availableFormats`) for the option bags where ICU4X's semantic skeletons choose
// otherwise (numeric dates: de `d.M.y` where ICU4X has the short date style `dd.MM.y`; the hour
// alone: `HH 'Uhr'`; a weekday with a time: `E h:mm a` where ICU4X glues `E, h:mm a`), read off
// the reference Node's formatToParts. ICU4X 2.x ships no availableFormats. Run with the
// reference Node:
//   HOME=/root /work/shared/reference-node/node crates/engine/data/gen-date-patterns.js \
//     > crates/engine/src/intl_date_patterns.rs
'use strict';
const src = require('fs').readFileSync(__dirname + '/../src/intl_languages.rs', 'utf8');
const langs = JSON.parse(src.slice(src.indexOf('= "') + 2, src.lastIndexOf(';'))).split(' ');
const regional = ['en-IN', 'en-GB', 'en-AU', 'en-CA', 'en-NZ', 'en-IE', 'en-ZA', 'en-SG',
  'de-CH', 'de-AT', 'fr-CA', 'fr-CH', 'fr-BE', 'es-MX', 'es-US', 'es-419', 'es-AR', 'es-CO',
  'pt-PT', 'pt-BR', 'zh-TW', 'zh-HK', 'nl-BE', 'it-CH', 'ar-EG', 'ar-SA', 'sr-Latn', 'ms-SG'];
// The option bags (named by their UTS 35 skeleton) taken from Node: every combination of a
// weekday, year, month and day width, and the times.
const bags = {};
for (const E of ['', 'E', 'EEEE']) {
  for (const y of ['', 'y']) {
    for (const M of ['', 'M', 'MMM', 'MMMM']) {
      for (const d of ['', 'd']) {
        const key = y + M + E + d;
        if (!key) continue;
        const bag = {};
        if (E) bag.weekday = E === 'E' ? 'short' : 'long';
        if (y) bag.year = 'numeric';
        if (M) bag.month = { M: 'numeric', MMM: 'short', MMMM: 'long' }[M];
        if (d) bag.day = 'numeric';
        bags[key] = bag;
      }
    }
  }
}
Object.assign(bags, {
  h: { hour: 'numeric', hourCycle: 'h12' },
  H: { hour: 'numeric', hourCycle: 'h23' },
  hm: { hour: 'numeric', minute: 'numeric', hourCycle: 'h12' },
  Hm: { hour: 'numeric', minute: 'numeric', hourCycle: 'h23' },
  hms: { hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h12' },
  Hms: { hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' },
  ms: { minute: 'numeric', second: 'numeric' },
  Ehm: { weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h12' },
  EHm: { weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' },
});
// 2024-01-05 05:07:09 UTC: every numeric field is one digit unless the pattern pads it.
const sample = new Date(Date.UTC(2024, 0, 5, 5, 7, 9));
const letters = { year: 'y', month: 'M', day: 'd', minute: 'm', second: 's' };
const hourLetter = { h11: 'K', h12: 'h', h23: 'H', h24: 'k' };
const quote = (s) => (/[A-Za-z']/.test(s) ? `'${s.replace(/'/g, "''")}'` : s);
// Text fields are written at the width asked for (the formatter sets it again); a month or
// weekday name is the stand-alone form (L, c) when it is not the one a date with a day uses
// (el `Ιανουάριος` alone, `Ιανουαρίου` in a date).
function formatNames(l) {
  const pick = (bag, type) => new Intl.DateTimeFormat(l, { timeZone: 'UTC', ...bag })
    .formatToParts(sample).find((x) => x.type === type)?.value;
  return {
    month: { short: pick({ month: 'short', day: 'numeric' }, 'month'), long: pick({ month: 'long', day: 'numeric' }, 'month') },
    weekday: { short: pick({ weekday: 'short', month: 'long', day: 'numeric' }, 'weekday'), long: pick({ weekday: 'long', month: 'long', day: 'numeric' }, 'weekday') },
  };
}
function pattern(l, bag, names) {
  const f = new Intl.DateTimeFormat(l, { timeZone: 'UTC', ...bag });
  const hc = f.resolvedOptions().hourCycle;
  const parts = f.formatToParts(sample);
  let p = '';
  for (const part of parts) {
    const digits = /^\p{Nd}+$/u.test(part.value);
    if (part.type === 'literal') p += quote(part.value);
    else if (part.type === 'hour') p += hourLetter[hc].repeat(part.value.length);
    else if (part.type === 'dayPeriod') p += 'a';
    else if (part.type === 'weekday') {
      const w = bag.weekday === 'long' ? 'long' : 'short';
      p += (part.value === names.weekday[w] ? 'E' : 'c').repeat(w === 'long' ? 4 : 3);
    } else if (part.type === 'month' && !digits) {
      const w = bag.month === 'long' ? 'long' : 'short';
      p += (part.value === names.month[w] ? 'M' : 'L').repeat(w === 'long' ? 4 : 3);
    } else if (part.type === 'year') p += 'y';
    else if (part.type === 'era') p += 'G';
    else p += letters[part.type].repeat(part.value.length);
  }
  return p;
}
// One child process per locale: the reference Node aborts ("unreachable code") after many
// DateTimeFormats with an hourCycle in one process.
if (process.argv[2]) {
  const l = process.argv[2];
  const own = new Intl.DateTimeFormat(l).resolvedOptions().locale;
  const out = {};
  if (own === l) {
    const names = formatNames(l);
    for (const [k, bag] of Object.entries(bags)) out[k] = pattern(l, bag, names);
  }
  process.stdout.write(JSON.stringify(out));
  return;
}
const { execFileSync } = require('child_process');
const rows = [];
const byLang = {};
for (const l of [...langs, ...regional]) {
  let got;
  try {
    got = JSON.parse(execFileSync(process.execPath, [__filename, l],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch (e) {
    continue; // Node itself aborts on some (ksh): ICU4X's patterns stay.
  }
  const lang = l.split('-')[0];
  for (const [k, p] of Object.entries(got)) {
    if (l === lang) byLang[l + k] = p;
    else if (byLang[lang + k] === p) continue;
    rows.push(`${l}\t${k}\t${p}`);
  }
}
const table = rows.join('\n');
console.log(`// @generated by crates/engine/data/gen-date-patterns.js with Node ${process.version} (ICU ${process.versions.icu}, CLDR ${process.versions.cldr}). Do not edit.

/// Rows \`locale\\tskeleton\\tpattern\`: the pattern Node's ICU picks for an option bag (see
/// the generator); regional locales only where they differ from their language.
pub(crate) static INTL_DATE_PATTERNS: &str = ${JSON.stringify(table)};`);
