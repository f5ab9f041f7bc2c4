const r={from:0,to:100000,[Symbol.iterator](){let c=this.from,t=this.to; return {next:()=>c<t?{value:c++,done:false}:{value:undefined,done:true}};}}; let s=0; for(const x of r) s+=x; console.log(s);
