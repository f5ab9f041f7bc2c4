let s=0; for(let i=0;i<100000;i++){ const t=`item ${i}: ${i*2}`; s+=t.length; } console.log(s);
