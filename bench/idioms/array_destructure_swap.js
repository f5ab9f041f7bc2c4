let a=1,b=2; for(let i=0;i<100000;i++){ [a,b]=[b,a]; } console.log(a,b);
