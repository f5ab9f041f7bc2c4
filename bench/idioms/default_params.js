function f(a, b=2, {c=3}={}){ return a+b+c; } let s=0; for(let i=0;i<100000;i++) s+=f(i); console.log(s);
