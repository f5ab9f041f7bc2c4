const t="abcdefghij".repeat(100); let s=0; for(let k=0;k<50;k++) for(let i=0;i<t.length;i++) if(t[i]==="a") s++; console.log(s);
