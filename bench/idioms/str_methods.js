let s=0; const t="Hello World"; for(let i=0;i<50000;i++){ s+=t.toUpperCase().indexOf("W")+t.slice(1,4).length+(t.includes("lo")?1:0); } console.log(s);
