// A static import is denied at load time: nothing of this module runs.
import secret from './secret.mjs';
console.log('main ran', secret);
