throw new TypeError('thrown while evaluating');
