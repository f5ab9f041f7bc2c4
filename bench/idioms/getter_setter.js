class T{#v=0; get v(){return this.#v;} set v(x){this.#v=x;}} const t=new T(); let s=0; for(let i=0;i<100000;i++){ t.v=i; s+=t.v; } console.log(s);
