let s=""; for(let i=0;i<100000;i++){ s+="ab"; } console.log(s.length);
