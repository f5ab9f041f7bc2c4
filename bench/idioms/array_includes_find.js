const a=Array.from({length:100},(_, i)=>({id:i})); let s=0; for(let k=0;k<2000;k++){ s+=a.find(o=>o.id===50).id + a.findIndex(o=>o.id===70); } console.log(s);
