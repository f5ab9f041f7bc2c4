const o={a:1,b:2,c:3,d:4}; let s=0; for(let i=0;i<20000;i++){ for(const [k,v] of Object.entries(o)) s+=v; } console.log(s);
