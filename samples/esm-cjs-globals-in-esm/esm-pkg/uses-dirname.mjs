export const x = 1;
console.log(__dirname);
