export const square = (x) => x * x;
export const cube = (x) => x ** 3;
export default 'not re-exported by export *';
