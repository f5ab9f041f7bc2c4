let s=0; const o={x:1,y:2,z:3}; for(let i=0;i<100000;i++){ const p={...o, w:i}; s+=p.w; } console.log(s);
