const o = {};
for (let i = 0; i < 20000; i++) o['k' + i] = i;
for (let i = 0; i < 20000; i += 2) delete o['k' + i];
o.k0 = 'again';
const ks = Object.keys(o);
console.log(ks.length, ks[0], ks[ks.length - 1], o.k1, o.k2, o.k0, 'k3' in o, 'k4' in o);
for (const k of ks) delete o[k];
console.log(Object.keys(o).length, JSON.stringify(o));
