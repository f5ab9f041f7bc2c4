// process.env is made on first read and getters' names are built without the interner:
// what a script sees is unchanged.
const d = Object.getOwnPropertyDescriptor(process, "env");
console.log(typeof d.value, d.writable, d.enumerable, d.configurable);
console.log(process.env === process.env, process.env === d.value);
process.env.JSGEN_SAMPLE = "1";
console.log(process.env.JSGEN_SAMPLE, "JSGEN_SAMPLE" in process.env);
delete process.env.JSGEN_SAMPLE;
console.log(process.env.JSGEN_SAMPLE);
console.log(typeof process.env.PATH);
const names = [
  Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get.name,
  Object.getOwnPropertyDescriptor(RegExp, Symbol.species).get.name,
  Object.getOwnPropertyDescriptor(Map.prototype, "size").get.name,
  Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get.name,
  Object.getOwnPropertyDescriptor(Symbol.prototype, "description").get.name,
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get.name,
];
console.log(names);
console.log(Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get.length);
const env2 = { A: "x" };
process.env = env2;
console.log(process.env === env2, process.env.A);
