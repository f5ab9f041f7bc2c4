// A cache of WeakRefs, and a FinalizationRegistry: while nothing collects, deref keeps
// returning the objects (across turns of the event loop too); unregister with a token.
class ImageCache {
  #refs = new Map();
  #registry = new FinalizationRegistry((key) => {
    console.log('collected', key);
    this.#refs.delete(key);
  });

  set(key, value) {
    this.#refs.set(key, new WeakRef(value));
    this.#registry.register(value, key, value);
  }

  get(key) {
    const value = this.#refs.get(key)?.deref();
    console.log(value ? `hit ${key}` : `miss ${key}`);
    return value;
  }

  forget(key) {
    const value = this.#refs.get(key)?.deref();
    if (value) console.log('unregistered', key, this.#registry.unregister(value));
    this.#refs.delete(key);
  }
}

const cache = new ImageCache();
let logo = { name: 'logo.png', bytes: 2048 };
cache.set('logo', logo);
cache.set('banner', { name: 'banner.jpg', bytes: 4096 });
console.log(cache.get('logo') === logo, cache.get('banner'));
cache.get('missing');
logo = null;

setTimeout(() => {
  console.log('next turn:', cache.get('logo')?.name);
  cache.forget('logo');
  cache.get('logo');
}, 5);

const ref = new WeakRef({ token: 42 });
console.log(ref, ref.deref().token, Object.prototype.toString.call(ref));
const sym = Symbol('key');
console.log(new WeakRef(sym).deref() === sym);
try {
  new WeakRef(Symbol.for('registered'));
} catch (err) {
  console.log(err.name, err.message);
}
try {
  new FinalizationRegistry().register({}, 1);
} catch (err) {
  console.log(err.name, err.message);
}
