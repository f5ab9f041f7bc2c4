const re=/^[a-z]+\d+$/; let s=0; for(let i=0;i<50000;i++){ if(re.test("abc"+i)) s++; } console.log(s);
