let s=0; for(let k=0;k<50;k++){ const a=Array.from({length:500},(_, i)=>(i*7919)%500); a.sort((x,y)=>x-y); s+=a[10]; } console.log(s);
