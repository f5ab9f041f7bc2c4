const a=new Array(1000).fill(1); let s=0; for(let k=0;k<100;k++) for(let i=0;i<a.length;i++) s+=a[i]; console.log(s);
