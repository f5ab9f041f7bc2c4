function* inner(){yield 1; yield 2; yield 3;} function* outer(){for(let i=0;i<20000;i++) yield* inner();} let s=0; for(const x of outer()) s+=x; console.log(s);
