const m=new Map(); for(let i=0;i<100000;i++){ m.set("k"+(i%100), i); } let s=0; for(const v of m.values()) s+=v; console.log(s);
