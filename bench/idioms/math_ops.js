let s=0; for(let i=0;i<100000;i++){ s+=Math.floor(Math.sqrt(i))+Math.max(i,5)+Math.abs(-i); } console.log(s);
