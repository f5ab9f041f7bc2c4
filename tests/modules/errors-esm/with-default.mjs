export default 'd'; export const named = 1;
