const o={a:{b:{c:1}}}; let s=0; for(let i=0;i<100000;i++){ s+=o?.a?.b?.c ?? 0; s+=o.x?.y ?? 1; } console.log(s);
