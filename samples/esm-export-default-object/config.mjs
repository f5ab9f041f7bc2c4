export default {
  name: 'demo',
  nested: { a: 1, list: [1, 2] },
}
