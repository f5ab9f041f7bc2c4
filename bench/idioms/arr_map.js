const a=Array.from({length:1000},(_, i)=>i); let s=0; for(let k=0;k<100;k++){ s+=a.map(x=>x*2).length; } console.log(s);
