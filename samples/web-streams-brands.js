// Foreign receivers on the queuing strategies' and text streams' getters fail as Node's private
// fields do (the field names show in the message).
for (const C of [CountQueuingStrategy, ByteLengthQueuingStrategy]) {
  for (const k of ['highWaterMark', 'size']) {
    try { Object.getOwnPropertyDescriptor(C.prototype, k).get.call({}); } catch (e) { console.log(C.name, k, e.name, e.code, e.message); }
  }
  console.log(new C({ highWaterMark: 3 }), C.length, new C({ highWaterMark: 1 }).size.name);
}
for (const C of [TextEncoderStream, TextDecoderStream]) {
  for (const k of ['readable', 'writable', 'encoding']) {
    try { Object.getOwnPropertyDescriptor(C.prototype, k).get.call({}); } catch (e) { console.log(C.name, k, e.name, e.code, e.message); }
  }
}
