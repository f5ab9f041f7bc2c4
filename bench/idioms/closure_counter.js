function mk(){let c=0; return ()=>++c;} const f=mk(); let s=0; for(let i=0;i<100000;i++) s+=f(); console.log(s);
