const o={a:1,b:[1,2,3],c:{d:"x"}}; let s=0; for(let i=0;i<20000;i++){ s+=JSON.parse(JSON.stringify(o)).b.length; } console.log(s);
