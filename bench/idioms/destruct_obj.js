let s=0; const o={x:1,y:2,z:3}; for(let i=0;i<100000;i++){ const {x,y,z}=o; s+=x+y+z; } console.log(s);
