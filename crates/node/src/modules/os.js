'use strict';
// Node's `os` (lib/os.js) over jsgen's natives (crates/node/src/os.rs); constants are
// Linux's, as Node's build for Linux has them.

const info = binding.osInfo();
const constants = JSON.parse('{"UV_UDP_REUSEADDR":4,"dlopen":{"RTLD_LAZY":1,"RTLD_NOW":2,"RTLD_GLOBAL":256,"RTLD_LOCAL":0,"RTLD_DEEPBIND":8},"errno":{"E2BIG":7,"EACCES":13,"EADDRINUSE":98,"EADDRNOTAVAIL":99,"EAFNOSUPPORT":97,"EAGAIN":11,"EALREADY":114,"EBADF":9,"EBADMSG":74,"EBUSY":16,"ECANCELED":125,"ECHILD":10,"ECONNABORTED":103,"ECONNREFUSED":111,"ECONNRESET":104,"EDEADLK":35,"EDESTADDRREQ":89,"EDOM":33,"EDQUOT":122,"EEXIST":17,"EFAULT":14,"EFBIG":27,"EHOSTUNREACH":113,"EIDRM":43,"EILSEQ":84,"EINPROGRESS":115,"EINTR":4,"EINVAL":22,"EIO":5,"EISCONN":106,"EISDIR":21,"ELOOP":40,"EMFILE":24,"EMLINK":31,"EMSGSIZE":90,"EMULTIHOP":72,"ENAMETOOLONG":36,"ENETDOWN":100,"ENETRESET":102,"ENETUNREACH":101,"ENFILE":23,"ENOBUFS":105,"ENODATA":61,"ENODEV":19,"ENOENT":2,"ENOEXEC":8,"ENOLCK":37,"ENOLINK":67,"ENOMEM":12,"ENOMSG":42,"ENOPROTOOPT":92,"ENOSPC":28,"ENOSR":63,"ENOSTR":60,"ENOSYS":38,"ENOTCONN":107,"ENOTDIR":20,"ENOTEMPTY":39,"ENOTSOCK":88,"ENOTSUP":95,"ENOTTY":25,"ENXIO":6,"EOPNOTSUPP":95,"EOVERFLOW":75,"EPERM":1,"EPIPE":32,"EPROTO":71,"EPROTONOSUPPORT":93,"EPROTOTYPE":91,"ERANGE":34,"EROFS":30,"ESPIPE":29,"ESRCH":3,"ESTALE":116,"ETIME":62,"ETIMEDOUT":110,"ETXTBSY":26,"EWOULDBLOCK":11,"EXDEV":18},"signals":{"SIGHUP":1,"SIGINT":2,"SIGQUIT":3,"SIGILL":4,"SIGTRAP":5,"SIGABRT":6,"SIGIOT":6,"SIGBUS":7,"SIGFPE":8,"SIGKILL":9,"SIGUSR1":10,"SIGSEGV":11,"SIGUSR2":12,"SIGPIPE":13,"SIGALRM":14,"SIGTERM":15,"SIGCHLD":17,"SIGSTKFLT":16,"SIGCONT":18,"SIGSTOP":19,"SIGTSTP":20,"SIGTTIN":21,"SIGTTOU":22,"SIGURG":23,"SIGXCPU":24,"SIGXFSZ":25,"SIGVTALRM":26,"SIGPROF":27,"SIGWINCH":28,"SIGIO":29,"SIGPOLL":29,"SIGPWR":30,"SIGSYS":31},"priority":{"PRIORITY_LOW":19,"PRIORITY_BELOW_NORMAL":10,"PRIORITY_NORMAL":0,"PRIORITY_ABOVE_NORMAL":-7,"PRIORITY_HIGH":-14,"PRIORITY_HIGHEST":-20}}');
function nullProto(o) {
  const out = { __proto__: null };
  for (const k of Object.keys(o)) {
    out[k] = o[k] !== null && typeof o[k] === 'object' ? nullProto(o[k]) : o[k];
  }
  return out;
}

function arch() { return process.arch; }
arch[Symbol.toPrimitive] = () => process.arch;
function platform() { return process.platform; }
platform[Symbol.toPrimitive] = () => process.platform;
function tmpdir() {
  let path = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  return path;
}
tmpdir[Symbol.toPrimitive] = () => tmpdir();
function homedir() {
  return process.env.HOME || binding.osUserInfo()[3];
}
homedir[Symbol.toPrimitive] = () => homedir();
function hostname() { return binding.osHostname(); }
hostname[Symbol.toPrimitive] = () => hostname();
function endianness() { return 'LE'; }
endianness[Symbol.toPrimitive] = () => 'LE';
function uptime() { return binding.osUptime(); }
uptime[Symbol.toPrimitive] = () => uptime();
function freemem() { return binding.osFreemem(); }
freemem[Symbol.toPrimitive] = () => freemem();
function totalmem() { return binding.osTotalmem(); }
totalmem[Symbol.toPrimitive] = () => totalmem();
function type() { return info[0]; }
type[Symbol.toPrimitive] = () => info[0];
function version() { return info[1]; }
version[Symbol.toPrimitive] = () => info[1];
function release() { return info[2]; }
release[Symbol.toPrimitive] = () => info[2];
function machine() { return info[3]; }
machine[Symbol.toPrimitive] = () => info[3];
function loadavg() { return binding.osLoadavg(); }
function cpus() { return binding.osCpus(); }
function availableParallelism() { return binding.osAvailableParallelism(); }
function userInfo(options) {
  const [uid, gid, username, home, shell] = binding.osUserInfo();
  return { __proto__: null, uid, gid, username, homedir: home, shell: shell || null };
}
function networkInterfaces() { return {}; }
function getPriority() { return 0; }
function setPriority() {}

module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
};
const c = nullProto(constants);
Object.freeze(c.signals);
Object.defineProperties(module.exports, {
  constants: { configurable: false, enumerable: true, value: c },
  EOL: { configurable: true, enumerable: true, writable: false, value: '\n' },
  devNull: { configurable: true, enumerable: true, writable: false, value: '/dev/null' },
});
