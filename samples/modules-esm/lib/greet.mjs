export default function greet(name) {
  return `Hello, ${name}`;
}
export const shout = (s) => s.toUpperCase();
