// A [util.inspect.custom] method gets (depth, options, inspect), where inspect is
// util.inspect itself, so it can format nested values the same way.
const util = require('util');
class Temperature {
  constructor(c) { this.c = c; }
  [util.inspect.custom](depth, options, inspect) {
    console.log('same inspect:', inspect === util.inspect, 'depth:', depth);
    return `Temperature<${inspect(this.c, options)}°C>`;
  }
}
console.log(new Temperature(21));
console.log({ room: new Temperature(19), list: [new Temperature(-4)] });
console.log(util.inspect(new Temperature(30), { depth: 5 }));
