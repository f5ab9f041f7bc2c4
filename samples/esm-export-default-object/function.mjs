export default function () {}
(1);
export const kind = 'declaration';
