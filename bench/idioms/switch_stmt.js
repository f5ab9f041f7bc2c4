let s=0; for(let i=0;i<100000;i++){ switch(i%4){case 0: s+=1; break; case 1: s+=2; break; default: s+=3;} } console.log(s);
