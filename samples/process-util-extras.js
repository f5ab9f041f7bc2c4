// process methods that ask the OS (ids, umask, kill, cpu/resource usage, memory limits),
// .env files (util.parseEnv, process.loadEnvFile), util.debuglog, system error names,
// util.aborted and the other util helpers libraries call.
const util = require('util');
const fs = require('fs');
const os = require('os');
const path = require('path');

console.log(typeof process.getuid(), process.getuid() === process.geteuid(), process.getgid() === process.getegid());
console.log(Array.isArray(process.getgroups()), process.getgroups().includes(process.getegid()));
const old = process.umask(0o027);
console.log(process.umask(old).toString(8), process.umask() === old);
try { process.umask('9'); } catch (e) { console.log(e.name, e.code); }
const cpu = process.cpuUsage();
console.log(Object.keys(cpu), Number.isInteger(cpu.user), process.cpuUsage(cpu).user >= 0);
try { process.cpuUsage({ user: -1, system: 0 }); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(Object.keys(process.resourceUsage()).length, Object.keys(process.threadCpuUsage()));
console.log(typeof process.availableMemory(), process.constrainedMemory() > 0);
console.log(process.kill(process.pid, 0));
try { process.kill(2 ** 30, 0); } catch (e) { console.log(e.message, e.code, e.errno, e.syscall); }
try { process.kill(process.pid, 'SIGNOPE'); } catch (e) { console.log(e.name, e.code, e.message); }
try { process.kill('x'); } catch (e) { console.log(e.code, e.message); }
console.log(process.getBuiltinModule('node:path') === path, process.getBuiltinModule('fs') === fs, process.getBuiltinModule('left-pad'));
console.log(process.mainModule === require.main, process.getMaxListeners(), process.setMaxListeners(20) === process, process.getMaxListeners());
process.on('myevent', () => {}); process.prependOnceListener('other', () => {});
console.log(process.eventNames().filter((n) => n === 'myevent' || n === 'other'), process.rawListeners('myevent').length);

console.log(util.parseEnv('# comment\nexport NAME="Ada Lovelace"\nLINES="one\\ntwo"\nRAW=\'a\\nb\'\nTICK=`x`\nPLAIN = value # note\nEMPTY=\n'));
const envFile = path.join(os.tmpdir(), `jsgen-sample-${process.pid}.env`);
fs.writeFileSync(envFile, 'JSGEN_SAMPLE_GREETING=hello\nHOME=not-overridden\n');
process.loadEnvFile(envFile);
console.log(process.env.JSGEN_SAMPLE_GREETING, process.env.HOME !== 'not-overridden');
fs.unlinkSync(envFile);
try { process.loadEnvFile(envFile); } catch (e) { console.log(e.code, e.syscall, e.message === `ENOENT: no such file or directory, open '${envFile}'`); }
try { util.parseEnv(1); } catch (e) { console.log(e.code); }

const log = util.debuglog('jsgen-sample');
console.log(log.enabled, typeof util.debug);
log('not printed: NODE_DEBUG is not set');
console.log(util.getSystemErrorName(-2), util.getSystemErrorMessage(-13), util.getSystemErrorMap().get(-98));
console.log(util.getSystemErrorName(-99999));
try { util.getSystemErrorName(2); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(util.toUSVString('a\ud800b'), util._extend({ a: 1 }, { b: 2 }));
const ac = new AbortController();
util.aborted(ac.signal, {}).then(() => console.log('aborted resolved'));
setTimeout(() => ac.abort(), 5);
