async function f(i){ return i; } (async()=>{ let s=0; for(let i=0;i<20000;i++) s+=await f(i); console.log(s); })();
