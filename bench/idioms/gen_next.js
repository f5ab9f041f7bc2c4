function* g(){let i=0; while(true) yield i++;} const it=g(); let s=0; for(let i=0;i<100000;i++) s+=it.next().value; console.log(s);
