let s=0; for(let i=0;i<100000;i++){ const o={x:i,y:i+1,z:"a"}; s+=o.x+o.y; } console.log(s);
