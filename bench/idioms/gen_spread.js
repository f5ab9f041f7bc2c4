function* g(n){for(let i=0;i<n;i++) yield i;} let s=0; for(let k=0;k<200;k++){ s+=[...g(500)].length; } console.log(s);
