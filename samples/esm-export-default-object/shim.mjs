const inspect = 'inspect';

export default {
  inspect,
  getEnv: (key) => {
    return `env:${key}`
  },
  m() { return 'method'; },
  ['computed' + 1]: true
}
