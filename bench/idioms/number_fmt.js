let s=0; for(let i=0;i<50000;i++){ s+=(i/7).toFixed(2).length+String(i).length+parseInt("12"+i); } console.log(s);
