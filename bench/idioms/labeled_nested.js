let s=0; outer: for(let i=0;i<300;i++){ for(let j=0;j<300;j++){ if(j>i) continue outer; s+=j; } } console.log(s);
