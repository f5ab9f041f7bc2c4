class P{constructor(x,y){this.x=x;this.y=y;} len(){return this.x+this.y;}} let s=0; for(let i=0;i<100000;i++){ s+=new P(i,1).len(); } console.log(s);
