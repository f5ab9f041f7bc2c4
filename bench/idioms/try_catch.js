let s=0; for(let i=0;i<100000;i++){ try { if(i%1000===0) throw new Error("x"); s+=i; } catch(e){ s-=1; } } console.log(s);
