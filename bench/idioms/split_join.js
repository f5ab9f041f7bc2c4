const t="a,b,c,d,e,f,g,h"; let s=0; for(let i=0;i<50000;i++){ s+=t.split(",").join("-").length; } console.log(s);
