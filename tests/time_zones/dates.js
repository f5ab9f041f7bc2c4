// Local time in the zone given by TZ: run by tests/time_zones.rs under each zone of
// zones.txt; the expected outputs (out/*.out) come from the reference Node (gen.sh).
'use strict';
const show = (d) => `${d.toString()} | ${d.getTimezoneOffset()} | ${d.toISOString()}`;
console.log(Intl.DateTimeFormat().resolvedOptions().timeZone);
// Fixed instants across history: rules changed in many of these years.
const years = [1850, 1900, 1916, 1942, 1945, 1960, 1970, 1985, 1995, 2000, 2007, 2011, 2014,
  2016, 2019, 2022, 2024, 2026, 2037, 2040, 2100];
for (const y of years) {
  for (const [m, d] of [[0, 15], [3, 1], [6, 15], [9, 30]]) {
    console.log(show(new Date(Date.UTC(y, m, d, 12))));
    const local = new Date(y, m, d, 9, 30, 15, 250);
    console.log(show(local), local.getHours(), local.getDate(), local.getDay(), local.getMonth(),
      local.getFullYear(), local.getMinutes(), local.getSeconds(), local.getMilliseconds());
  }
}
// Every offset change in 2000 and 2024: the instants around it, and local times in the gap
// or the overlap it leaves.
for (const y of [1975, 2000, 2011, 2024]) {
  let t = Date.UTC(y, 0, 1);
  let prev = new Date(t).getTimezoneOffset();
  const end = Date.UTC(y + 1, 0, 1);
  for (t += 3600000; t < end; t += 3600000) {
    const off = new Date(t).getTimezoneOffset();
    if (off === prev) continue;
    let lo = t - 3600000;
    let hi = t;
    while (hi - lo > 60000) {
      const mid = lo + Math.floor((hi - lo) / 120000) * 60000;
      if (new Date(mid).getTimezoneOffset() === prev) lo = mid; else hi = mid;
    }
    console.log('transition', prev, '->', off);
    for (const dt of [-60000, 0, 60000]) console.log(show(new Date(hi + dt)));
    const before = new Date(hi - 60000);
    for (const dm of [-30, 0, 30, 60, 90]) {
      const d = new Date(before.getFullYear(), before.getMonth(), before.getDate(),
        before.getHours(), before.getMinutes() + 1 + dm);
      console.log(show(d));
    }
    const s = new Date(hi - 3 * 3600000);
    s.setHours(s.getHours() + 3);
    console.log('setHours', show(s));
    const s2 = new Date(hi - 86400000);
    s2.setDate(s2.getDate() + 1);
    console.log('setDate', show(s2));
    prev = off;
  }
}
// Parsing local-time forms.
for (const str of ['2024-03-10T02:30', '2024-11-03T01:30:00', 'March 31, 2024 02:30:00',
  '2024/10/27 02:30', 'Sun Oct 06 2024 02:15:00', '2000-01-01T00:00', 'Jan 1 1970',
  '1 January 1900 12:00', '2024-07-04', '2024-07-04T12:00:00Z', 'Jul 4 2024 12:00 GMT+0200']) {
  const t = Date.parse(str);
  console.log(str, '->', t, isNaN(t) ? '' : show(new Date(t)));
}
const d = new Date(2024, 0, 31, 23, 59);
console.log(d.toDateString(), '|', d.toTimeString(), '|', d.toLocaleString(), '|',
  d.toLocaleDateString(), '|', d.toLocaleTimeString());
console.log(new Date(2024, 6, 1).toLocaleString('en-GB'), new Date(2024, 6, 1).getYear());
const y = new Date(2024, 5, 15, 12); y.setYear(99); console.log(show(y));
const u = new Date(2024, 5, 15, 12); u.setUTCHours(30); console.log(show(u));
console.log(show(new Date(2024, 0)), show(new Date(99, 11, 31, 23, 59, 59, 999)));
console.log(new Date(8.64e15).toString(), '|', new Date(-8.64e15).toString());
console.log(new Date(-62198755200000).toString(), '|', new Date(253402300799999).toString());
