// Named imports of CommonJS modules that re-export other modules: Node's cjs-module-lexer
// reports the re-exported specifiers, and Node reads their names too (the re-exports of
// re-exports included; `.json` and core modules are not followed). An assignment to
// `module.exports` drops the re-exports found before it: only the last branch of an
// environment switch counts.
import { reactive, mode } from 'env-switch';
import * as envSwitch from 'env-switch';
import { SelectorType, AttributeAction, parse } from 'ts-barrel';
import * as barrel from 'ts-barrel';
import { camel, kebab, own } from 'babel-lib';
import * as babelLib from 'babel-lib';
import * as spread from 'spread-lib';

console.log(reactive(1), mode, envSwitch.prodOnly);
console.log(Object.keys(envSwitch).sort());
console.log(SelectorType, AttributeAction, parse('a b'));
console.log(Object.keys(barrel).sort());
console.log(camel('foo-bar'), kebab('fooBar'), own, Object.keys(babelLib).sort());
console.log(Object.keys(spread).sort(), spread.shared, spread.fromJson);

import * as dataTree from 'data-tree';
console.log(Object.keys(dataTree).sort(), dataTree.inheritance, dataTree.api);

import * as commented from 'commented-lib';
console.log(Object.keys(commented).sort(), commented.codeAt('A', 0), commented.isSpace(' '));
