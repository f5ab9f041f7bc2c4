function f(){ return arguments.length + arguments[0]; } let s=0; for(let i=0;i<100000;i++) s+=f(i,2); console.log(s);
