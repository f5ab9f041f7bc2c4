const a=[]; let s=0; for(let i=0;i<100000;i++){ a.push(i); if(a.length>10) s+=a.pop(); } console.log(s);
