export default { a: [1, 2, 3] }.a.length + 1;
