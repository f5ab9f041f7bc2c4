const o={}; for(let i=0;i<50;i++) o["k"+i]=i; let s=0; for(let k=0;k<2000;k++){ for(const key of Object.keys(o)) s+=o[key]; } console.log(s);
