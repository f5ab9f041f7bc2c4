export let value = 2;
